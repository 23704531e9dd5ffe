package dev.berth.logs.filter;

import static dev.berth.logs.filter.PatternAssertions.assertMatches;
import static dev.berth.logs.filter.PatternAssertions.assertNoMatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Space-delimited patterns, with the examples of CloudWatch's "match terms in space-delimited log events". */
class SpaceDelimitedPatternTest {

    private static final String ACCESS_LOG =
            "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    @Test
    void bracketsAndQuotesHoldOneFieldEach() {
        assertArrayEquals(new String[] {"127.0.0.1", "Prod", "frank", "10/Oct/2000:13:25:15 -0700",
            "GET /index.html HTTP/1.0", "404", "1534"}, MessageFields.split(ACCESS_LOG));
        assertArrayEquals(new String[] {"a", "b c"}, MessageFields.split("  a   \"b c"));
    }

    @Test
    void conditionsOnNamedFields() {
        String pattern = "[ip, user, username, timestamp, request =*.html*, status_code = 4*, bytes]";
        assertMatches(pattern, ACCESS_LOG);
        assertNoMatch(pattern, ACCESS_LOG.replace(" 404 ", " 200 "), ACCESS_LOG.replace(".html", ".gif"));
    }

    @Test
    void ellipsisStandsForAnyNumberOfFields() {
        assertMatches("[..., request =*.html*, status_code = 4*, bytes]", ACCESS_LOG);
        assertMatches("[ip, user, ..., status_code, bytes]", ACCESS_LOG);
        assertMatches("[ip, user, ...]", ACCESS_LOG, "127.0.0.1 Prod");
        assertNoMatch("[..., status_code, bytes]", "1534");
    }

    @Test
    void withoutEllipsisTheFieldCountMustBeExact() {
        assertMatches("[w1=ERROR, w2]", "ERROR message");
        assertNoMatch("[w1=ERROR, w2]", "ERROR WARN message", "WARN message", "ERROR");
    }

    @Test
    void orAndAndBetweenConditionsOfAField() {
        assertMatches("[w1=ERROR || w1=WARN, w2]", "ERROR message", "WARN message");
        assertNoMatch("[w1=ERROR || w1=WARN, w2]", "INFO message", "ERROR WARN message");
        assertMatches("[w1!=ERROR && w1!=WARNING, w2]", "WARN message", "INFO message");
        assertNoMatch("[w1!=ERROR && w1!=WARNING, w2]", "ERROR message", "WARNING message");
    }

    @Test
    void statusCodeIs404Or410() {
        String pattern = "[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes]";
        assertMatches(pattern, ACCESS_LOG, ACCESS_LOG.replace(" 404 ", " 410 "));
        assertNoMatch(pattern, ACCESS_LOG.replace(" 404 ", " 403 "));
    }

    @Test
    void numericConditions() {
        assertMatches("[ip, server, username, timestamp, request, status_code, bytes > 1000]", ACCESS_LOG);
        assertNoMatch("[ip, server, username, timestamp, request, status_code, bytes > 1000]",
                ACCESS_LOG.replace(" 1534", " 999"), ACCESS_LOG.replace(" 1534", " -"));
        assertMatches("[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]",
                ACCESS_LOG);
    }

    @Test
    void documentedApacheLinesFilteredByStatus() {
        String[] lines = {
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534",
            "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /apache_pb.gif HTTP/1.0\" 500 5324",
            "127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 4355",
        };
        String pattern = "[ip, user, username, timestamp, request, status_code = 200, bytes]";
        assertMatches(pattern, lines[0], lines[2]);
        assertNoMatch(pattern, lines[1]);
        assertMatches("[ip, user, username, timestamp, request = \"GET /apache_pb.gif HTTP/1.0\", status_code = 5*, bytes]",
                lines[1]);
    }

    @Test
    void unnamedFieldsAndATrailingComma() {
        assertMatches("[..., request=*.html*, status_code=4*,]", ACCESS_LOG);
        assertMatches("[, , username = frank, ...]", ACCESS_LOG);
    }
}
