package dev.berth.registry.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ECR tag patterns, matched without regular expressions, and their bounds. */
class TagPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "prod*, prod-1, true",
            "prod*, prod, true",
            "prod*, staging-prod, false",
            "*-rc*, 1.2-rc3, true",
            "*-rc*, 1.2, false",
            "*, anything, true",
            "v1.*.0, v1.2.0, true",
            "v1.*.0, v1x2.0x, false",
            "a*b*c, abc, true",
            "a*b*c, acb, false",
            "exact, exact, true",
            "exact, exactly, false",
            "**, '', true"})
    void matchesLikeEcr(String pattern, String tag, boolean expected) {
        assertEquals(expected, TagPattern.matches(pattern, tag));
    }

    @Test
    void aPatternMadeToBacktrackStillAnswersAtOnce() {
        String tag = "a".repeat(128);
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> {
            for (int i = 0; i < 1_000; i++) {
                assertFalse(TagPattern.matches("a*a*a*a*b", tag));
            }
        });
        assertTrue(TagPattern.matches("a*a*a*a*a", tag));
    }

    @Test
    void aTooLongPatternIsRefusedNamingTheField() {
        String policy = "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\""
                + "x".repeat(257) + "*\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1},"
                + "\"action\":{\"type\":\"expire\"}}]}";
        InvalidLifecyclePolicyException e = assertThrows(InvalidLifecyclePolicyException.class,
                () -> LifecyclePolicy.parse(policy));
        assertTrue(e.getMessage().contains("selection.tagPatternList entries must be at most 256 characters"),
                e.getMessage());
    }

    @Test
    void aTooLongPolicyIsRefused() {
        String policy = "{\"rules\":[]}" + " ".repeat(LifecyclePolicy.MAX_TEXT_LENGTH);
        InvalidLifecyclePolicyException e = assertThrows(InvalidLifecyclePolicyException.class,
                () -> LifecyclePolicy.parse(policy));
        assertTrue(e.getMessage().contains("lifecyclePolicyText must be at most 30720 characters"), e.getMessage());
    }
}
