package dev.berth.scheduler.placement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code =~} patterns come from tenants: they run in linear time, and their sizes are bounded. */
class LinearPatternTest {

    private static final String AS = "a".repeat(5_000);

    private static QuerySubject withValue(String value) {
        return name -> name.equals("attribute:x") ? List.of(value) : List.of();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a*)*b", "a*a*a*a*a*a*b", "(a|a)*b", "(a|aa)*b", "(?:a*){128}b", "(.*a){100}c"})
    void catastrophicPatternsAnswerAtOnce(String pattern) {
        ClusterQuery matches = ClusterQuery.parse("attribute:x =~ '" + pattern + "'");
        ClusterQuery notMatches = ClusterQuery.parse("attribute:x !~ '" + pattern + "'");
        String longest = "a".repeat(AttributePattern.MAX_VALUE_LENGTH);
        matches.matches(withValue("warm-up"));
        assertTimeoutPreemptively(Duration.ofMillis(100), () -> {
            assertFalse(matches.matches(withValue(AS)));
            assertTrue(notMatches.matches(withValue(AS)));
            assertFalse(matches.matches(withValue(longest)), "the longest value that is matched at all");
            assertTrue(notMatches.matches(withValue(longest)));
        });
        String end = pattern.substring(pattern.length() - 1);
        assertTrue(matches.matches(withValue("a".repeat(100) + end)), "still matches what it should");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a{0,100}){0,100}b", "a{257}", "(?:(?:a{10}){10}){3}", "[a-z]{300}"})
    void countedRepetitionsThatSpellOutMoreThan256AreRefused(String pattern) {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class,
                () -> ClusterQuery.parse("attribute:x =~ '" + pattern + "'"));
        assertTrue(error.getMessage().contains("at most 256"), error.getMessage());
        assertTrue(error.getMessage().contains(pattern), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            abc ; 3
            a|b|c ; 3
            (a|bc)* ; 3
            a{3} ; 3
            (ab){2,5}c ; 11
            [a-z]{0,4} ; 4
            \\x{41}{2} ; 2
            (?i)ab ; 2
            (?P<n>a){3} ; 3
            []a]{2} ; 2
            [[:alpha:]]+ ; 1
            a{,3} ; 5
            """)
    void theSizeOfAPatternCountsWhatItsRepetitionsSpellOut(String pattern, long size) {
        assertEquals(size, PatternSize.of(pattern), pattern);
    }

    @Test
    void aPatternLongerThan256CharactersIsRefusedNamingTheExpression() {
        String expression = "attribute:x =~ '" + "a".repeat(257) + "'";
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> ClusterQuery.parse(expression));
        assertTrue(error.getMessage().contains("at most 256"), error.getMessage());
        assertTrue(error.getMessage().contains(expression), error.getMessage());
        ClusterQuery.parse("attribute:x =~ '" + "a".repeat(256) + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?=a)a", "(?<!b)a"})
    void patternsRe2CannotRunInLinearTimeAreRefused(String pattern) {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class,
                () -> ClusterQuery.parse("attribute:x =~ '" + pattern + "'"));
        assertTrue(error.getMessage().contains("invalid pattern '" + pattern + "'"), error.getMessage());
        assertEquals(15, error.position());
    }

    @Test
    void anExpressionLongerThan2000CharactersIsRefused() {
        String expression = "attribute:x in [" + "a,".repeat(1_000) + "b]";
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> ClusterQuery.parse(expression));
        assertTrue(error.getMessage().contains("at most 2000"), error.getMessage());
    }

    @Test
    void aValueLongerThanTheBoundMatchesNoPattern() {
        ClusterQuery query = ClusterQuery.parse("attribute:x =~ 'a*'");
        assertTrue(query.matches(withValue("a".repeat(AttributePattern.MAX_VALUE_LENGTH))));
        assertFalse(query.matches(withValue("a".repeat(AttributePattern.MAX_VALUE_LENGTH + 1))));
    }
}
