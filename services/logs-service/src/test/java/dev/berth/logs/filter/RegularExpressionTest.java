package dev.berth.logs.filter;

import static dev.berth.logs.filter.PatternAssertions.assertMatches;
import static dev.berth.logs.filter.PatternAssertions.assertNoMatch;

import org.junit.jupiter.api.Test;

/** %regex% patterns, with the examples of CloudWatch's "supported regular expressions" section. */
class RegularExpressionTest {

    @Test
    void regexMatchesAnywhereInTheMessage() {
        assertMatches("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", "[SUCCESS 200] AUTHORIZED REQUEST");
        assertNoMatch("%AUTHORIZED%", "[ERROR 403] FORBIDDEN");
    }

    @Test
    void caretAndDollarAnchorToStartAndEnd() {
        assertMatches("%^[hc]at%", "hat trick", "cat");
        assertNoMatch("%^[hc]at%", "that");
        assertMatches("%[hc]at$%", "that", "a cat");
        assertNoMatch("%[hc]at$%", "hats");
    }

    @Test
    void documentedOperators() {
        assertMatches("%colou?r%", "color", "colour");
        assertMatches("%a{3,5}%", "baaab");
        assertNoMatch("%a{3,5}%", "baab");
        assertMatches("%gray|grey%", "gray", "grey");
        assertMatches("%10\\.10\\.0\\.1%", "from 10.10.0.1");
        assertNoMatch("%10\\.10\\.0\\.1%", "from 10x10x0x1");
        assertMatches("%[Ee]rror|[Ff]ail%", "Error", "error", "Fail", "failed");
    }

    @Test
    void regexAsJsonValue() {
        assertMatches("{ $.message = %timeout|refused% }", "{\"message\":\"connection refused\"}");
        assertNoMatch("{ $.message = %timeout|refused% }", "{\"message\":\"ok\"}", "{\"other\":\"timeout\"}");
        assertMatches("{ $.message != %^ok$% }", "{\"message\":\"not ok\"}");
    }

    @Test
    void regexAsSpaceDelimitedValue() {
        assertMatches("[w1 = %^ERR|^WARN%, w2]", "ERROR message", "WARN message");
        assertNoMatch("[w1 = %^ERR|^WARN%, w2]", "INFO message");
    }
}
