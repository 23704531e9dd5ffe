package dev.berth.logs.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** %regex% runs in time linear in the message, and what could make it costly is refused. */
class LinearTimeRegexTest {

    private static final String FIVE_THOUSAND_AS = "a".repeat(5_000);

    @ParameterizedTest
    @ValueSource(strings = {"%a*a*a*a*a*a*b%", "{ $.m = %a*a*a*a*a*a*b% }", "[m = %a*a*a*a*a*a*b%]",
            "%a*a*a*a*a*a*a*a*a*a*a*a*b% -%a+a+a+a+a+c%", "%[a-z]*a*[a-z]*a*[a-z]*a*[^x]*$b%"})
    void catastrophicBacktrackingPatternsAnswerAtOnce(String pattern) {
        FilterPattern parsed = FilterPattern.parse(pattern);
        String json = "{\"m\":\"" + FIVE_THOUSAND_AS + "\"}";
        parsed.matches(FIVE_THOUSAND_AS);
        assertTimeoutPreemptively(Duration.ofMillis(100), () -> {
            assertFalse(parsed.matches(FIVE_THOUSAND_AS));
            assertFalse(parsed.matches(json));
        });
    }

    @Test
    void theLongestMessageIsSearchedInLinearTimeByTheMostComplexRegexAllowed() {
        FilterPattern parsed = FilterPattern.parse("%" + "[a-z]*a*".repeat(20) + "b% %a{1,99}a{1,99}c%");
        String longest = "a".repeat(PercentRegex.MAX_SEARCHED_CHARS);
        parsed.matches(FIVE_THOUSAND_AS);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(parsed.matches(longest)));
    }

    @Test
    void groupsLookaroundAndBackreferencesAreRefused() {
        for (String pattern : new String[] {"%(a*)*b%", "%a(?=b)%", "%(?<!x)a%", "%a\\1%", "%(a)\\1%"}) {
            assertThrows(InvalidFilterPatternException.class, () -> FilterPattern.parse(pattern), pattern);
        }
    }

    @Test
    void lengthsAndComplexityAreBounded() {
        InvalidFilterPatternException tooLong = assertThrows(InvalidFilterPatternException.class,
                () -> FilterPattern.parse("ERROR " + "x".repeat(FilterPattern.MAX_LENGTH)));
        assertTrue(tooLong.getMessage().startsWith("filterPattern: a filter pattern is at most 1024 characters"), tooLong.getMessage());
        FilterPattern.parse("x".repeat(FilterPattern.MAX_LENGTH));

        InvalidFilterPatternException longRegex = assertThrows(InvalidFilterPatternException.class,
                () -> FilterPattern.parse("%" + "a".repeat(PercentRegex.MAX_LENGTH + 1) + "%"));
        assertTrue(longRegex.getMessage().startsWith("filterPattern: a regular expression is at most 256 characters"),
                longRegex.getMessage());

        InvalidFilterPatternException complex = assertThrows(InvalidFilterPatternException.class,
                () -> FilterPattern.parse("%a{1,1000}%"));
        assertTrue(complex.getMessage().startsWith("filterPattern: regular expression too complex"), complex.getMessage());

        InvalidFilterPatternException many = assertThrows(InvalidFilterPatternException.class,
                () -> FilterPattern.parse("%a% %b% %c%"));
        assertTrue(many.getMessage().startsWith("filterPattern: at most 2 regular expressions"), many.getMessage());
    }

    @Test
    void onlyTheFirstQuarterMebibyteOfAMessageIsSearched() {
        FilterPattern parsed = FilterPattern.parse("%needle%");
        assertTrue(parsed.matches("x".repeat(PercentRegex.MAX_SEARCHED_CHARS - 6) + "needle"));
        assertFalse(parsed.matches("x".repeat(PercentRegex.MAX_SEARCHED_CHARS) + "needle"));
    }

    @Test
    void aStoredPatternRefusedTodayKeepsItsTextAndMatchesNothing() {
        FilterPattern stored = FilterPattern.storedButInvalid("%a% %b% %c%");
        assertEquals("%a% %b% %c%", stored.text());
        assertFalse(stored.matches("a b c"));
        assertTrue(stored.match("a b c").isEmpty());
    }
}
