package dev.berth.logs.filter;

import static dev.berth.logs.filter.PatternAssertions.assertMatches;
import static dev.berth.logs.filter.PatternAssertions.assertNoMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Unstructured patterns, with the examples of CloudWatch's "match terms in unstructured log events". */
class TermPatternTest {

    private static final String BAD_REQUEST = "[ERROR 400] BAD REQUEST";
    private static final String UNAUTHORIZED = "[ERROR 401] UNAUTHORIZED REQUEST";
    private static final String MISSING_ARGUMENTS = "[ERROR 419] MISSING ARGUMENTS";
    private static final String INVALID_ARGUMENTS = "[ERROR 420] INVALID ARGUMENTS";

    @Test
    void singleTermMatchesEveryMessageContainingIt() {
        assertMatches("ERROR", BAD_REQUEST, UNAUTHORIZED, MISSING_ARGUMENTS, INVALID_ARGUMENTS);
        assertNoMatch("ERROR", "[INFO 200] OK");
    }

    @Test
    void multipleTermsMustAllAppear() {
        assertMatches("ERROR ARGUMENTS", MISSING_ARGUMENTS, INVALID_ARGUMENTS);
        assertNoMatch("ERROR ARGUMENTS", BAD_REQUEST, UNAUTHORIZED);
    }

    @Test
    void questionMarkTermsMatchAnyOfThem() {
        assertMatches("?ERROR ?ARGUMENTS", BAD_REQUEST, UNAUTHORIZED, MISSING_ARGUMENTS, INVALID_ARGUMENTS,
                "[WARN] MISSING ARGUMENTS");
        assertNoMatch("?ERROR ?ARGUMENTS", "[INFO 200] OK");
    }

    @Test
    void quotedPhraseMatchesExactly() {
        assertMatches("\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL SERVER ERROR");
        assertNoMatch("\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL ERROR SERVER");
    }

    @Test
    void minusExcludesTerm() {
        assertMatches("ERROR -ARGUMENTS", BAD_REQUEST, UNAUTHORIZED);
        assertNoMatch("ERROR -ARGUMENTS", MISSING_ARGUMENTS, INVALID_ARGUMENTS);
    }

    @Test
    void blankPhraseNullAndEmptyPatternsMatchEverything() {
        for (String pattern : new String[] {"\" \"", "\"\"", "", "   ", null}) {
            FilterPattern parsed = FilterPattern.parse(pattern);
            assertEquals(true, parsed.matches(BAD_REQUEST), () -> "pattern " + pattern);
            assertEquals(true, parsed.matches(""), () -> "pattern " + pattern);
        }
    }

    @Test
    void orMatchingOverTheThreeDocumentedMessages() {
        String both = "ERROR WARN message";
        String error = "ERROR message";
        String warn = "WARN message";
        assertMatches("ERROR", both, error);
        assertNoMatch("ERROR", warn);
        assertMatches("?ERROR ?WARN", both, error, warn);
        assertMatches("ERROR WARN", both);
        assertNoMatch("ERROR WARN", error, warn);
        assertMatches("ERROR -WARN", error);
        assertNoMatch("ERROR -WARN", both, warn);
    }

    @Test
    void termsAreCaseSensitive() {
        assertNoMatch("error", BAD_REQUEST);
        assertMatches("error", "an error occurred");
    }

    @Test
    void termMatchesInsideALongerWordAsTheDocumentationShows() {
        assertMatches("ERROR", "Exiting with ERRORCODE: -1", "[ERROR] A fatal exception has occurred");
        assertNoMatch("\"ERROR\" -\"Exiting\"", "Exiting with ERRORCODE: -1");
        assertMatches("\"ERROR\" \"Exception\"", "[ERROR] Caught IllegalArgumentException",
                "[ERROR] Unhandled Exception");
        assertMatches("\"Failed to process the request\"", "[WARN] Failed to process the request",
                "[ERROR] Unable to continue: Failed to process the request");
    }

    @Test
    void eachQuestionMarkStartsAGroupOfTermsThatMustAllAppear() {
        String pattern = "?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"";
        assertMatches(pattern, "ERROR in MainThread", "WARN Deadlock detected");
        assertNoMatch(pattern, "ERROR Deadlock detected", "WARN in MainThread");
    }

    @Test
    void quotedPhraseKeepsPunctuationAndEscapedQuotes() {
        assertMatches("\"user@example.com\" \"said \\\"hi\\\"\"", "user@example.com said \"hi\" twice");
        assertNoMatch("\"user@example.com\"", "user at example.com");
    }

    @Test
    void regexTermCombinesWithWordsAndExclusions() {
        assertMatches("ERROR %4[0-9]{2}% -%DEBUG|TRACE%", BAD_REQUEST, UNAUTHORIZED);
        assertNoMatch("ERROR %4[0-9]{2}% -%DEBUG|TRACE%", "[ERROR 500] INTERNAL", "[ERROR 400] DEBUG dump");
    }

    @Test
    void textIsTheOriginalPattern() {
        assertEquals("  ERROR -x ", FilterPattern.parse("  ERROR -x ").text());
        assertEquals("", FilterPattern.parse(null).text());
    }
}
