package dev.berth.registry.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle examples of ECR's documentation, as a table: policy, images, what expires. */
class LifecycleEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    /** An image pushed {@code daysAgo} days ago with these tags (none: untagged). */
    private static LifecycleImage image(String digest, int daysAgo, String... tags) {
        return new LifecycleImage(digest, Arrays.asList(tags), NOW.minus(Duration.ofDays(daysAgo)), Optional.empty());
    }

    private static LifecycleImage pulled(String digest, int pushedDaysAgo, int pulledDaysAgo) {
        return new LifecycleImage(digest, List.of("t-" + digest), NOW.minus(Duration.ofDays(pushedDaysAgo)),
                Optional.of(NOW.minus(Duration.ofDays(pulledDaysAgo))));
    }

    private static String rule(int priority, String selection) {
        return "{\"rulePriority\":" + priority + ",\"selection\":{" + selection + "},\"action\":{\"type\":\"expire\"}}";
    }

    private static String policy(String... rules) {
        return "{\"rules\":[" + String.join(",", rules) + "]}";
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("untagged images older than 14 days expire",
                        policy(rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":14")),
                        List.of(image("a", 20), image("b", 10), image("c", 30, "v1")),
                        List.of("a:1")),
                Arguments.of("keep only one untagged image",
                        policy(rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1")),
                        List.of(image("a", 3), image("b", 2), image("c", 1), image("d", 5, "v1")),
                        List.of("b:1", "a:1")),
                Arguments.of("two rules, overlapping tags: an image selected by rule 1 is rule 1's (multiple rules, example A)",
                        policy(rule(1, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"prod\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1"),
                                rule(2, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"beta\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1")),
                        List.of(image("A", 10, "beta-1", "prod-1"), image("B", 9, "beta-2", "prod-2"), image("C", 8, "beta-3")),
                        List.of("A:1")),
                Arguments.of("two rules, every image prod-tagged (multiple rules, example B)",
                        policy(rule(1, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"prod\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1"),
                                rule(2, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"beta\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1")),
                        List.of(image("A", 10, "beta-1", "prod-1"), image("B", 9, "beta-2", "prod-2"),
                                image("C", 8, "beta-3", "prod-3")),
                        List.of("B:1", "A:1")),
                Arguments.of("several prefixes in one rule select images that have all of them",
                        policy(rule(1, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"alpha\",\"beta\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1")),
                        List.of(image("A", 12, "alpha-1"), image("B", 11, "beta-1"), image("C", 10, "alpha-2", "beta-2"),
                                image("D", 4, "alpha-3"), image("E", 3, "alpha-4", "beta-4")),
                        List.of("C:1")),
                Arguments.of("tag patterns with wildcards",
                        policy(rule(1, "\"tagStatus\":\"tagged\",\"tagPatternList\":[\"prod*-rc*\"],\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7")),
                        List.of(image("a", 10, "prod1-rc2"), image("b", 10, "prod1"), image("c", 2, "prod2-rc1")),
                        List.of("a:1")),
                Arguments.of("a last 'any' rule takes what the tagged rule left (filtering on all images)",
                        policy(rule(1, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"alpha\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1"),
                                rule(2, "\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1")),
                        List.of(image("A", 4, "alpha-1"), image("B", 3, "beta-1"), image("C", 2), image("D", 1, "alpha-2")),
                        List.of("A:1", "B:2")),
                Arguments.of("rules are applied in rulePriority order, not in the order written",
                        policy(rule(10, "\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":5"),
                                rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1")),
                        List.of(image("a", 3), image("b", 2), image("c", 1, "v1")),
                        List.of("a:1")),
                Arguments.of("sinceImagePulled counts from the last pull, or the push when never pulled",
                        policy(rule(1, "\"tagStatus\":\"any\",\"countType\":\"sinceImagePulled\",\"countUnit\":\"days\",\"countNumber\":30")),
                        List.of(pulled("old-pull", 90, 40), pulled("recent-pull", 90, 5), image("never", 45, "x"),
                                image("fresh", 3, "y")),
                        List.of("never:1", "old-pull:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void expiresWhatEcrWould(String example, String policy, List<LifecycleImage> images, List<String> expected) {
        List<String> expired = LifecycleEvaluator.evaluate(LifecyclePolicy.parse(policy), images, NOW).stream()
                .map(e -> e.image().digest() + ":" + e.rulePriority())
                .toList();
        assertEquals(expected, expired);
    }
}
