package dev.berth.logs.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The substrings pushed into SQL as {@code LIKE '%literal%'}: they must never exclude a matching message. */
class RequiredLiteralsTest {

    private static List<String> literals(String pattern) {
        return FilterPattern.parse(pattern).requiredLiterals();
    }

    @Test
    void includedTermsButNotExcludedOnes() {
        assertEquals(List.of("ERROR"), literals("ERROR -x"));
        assertEquals(List.of("Failed to", "request"), literals("\"Failed to\" request -DEBUG %ab+c% request"));
    }

    @Test
    void alternativesGiveOnlyWhatTheyAllShare() {
        assertEquals(List.of(), literals("?a ?b"));
        assertEquals(List.of("ERROR"), literals("?\"ERROR\" \"MainThread\" ?\"ERROR\" \"Deadlock\""));
    }

    @Test
    void noneForPatternsThatMatchEverythingOrOnlyByRegex() {
        assertEquals(List.of(), literals(""));
        assertEquals(List.of(), literals("\" \""));
        assertEquals(List.of(), literals("%ERROR|WARN%"));
        assertEquals(List.of(), literals("-DEBUG"));
    }

    @Test
    void noneForJsonBecauseEscapedValuesNeedNotAppearVerbatim() {
        FilterPattern pattern = FilterPattern.parse("{ $.level = \"ERROR\" }");
        assertEquals(List.of(), pattern.requiredLiterals());
        assertTrue(pattern.matches("{\"level\": \"\\u0045RROR\"}"));
    }

    @Test
    void spaceDelimitedEqualityTextWithoutItsWildcards() {
        assertEquals(List.of(".html", "4"), literals("[ip, user, ..., request = *.html*, status_code = 4*]"));
        assertEquals(List.of("x"), literals("[a = x* || a = *x, b]"));
        assertEquals(List.of(), literals("[a = x || a = y, b]"));
    }

    @Test
    void noneForNumbersInequalityAndRegexFields() {
        // 200 also equals a field written 200.0, which does not contain "200"
        assertEquals(List.of(), literals("[a, status = 200, bytes > 10]"));
        assertEquals(List.of(), literals("[a != ERROR, b = %WARN%, c = *]"));
    }
}
