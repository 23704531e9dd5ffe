package dev.berth.logs.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Match.value: what metric filters read as metric values and dimensions. */
class MatchValueTest {

    private static final String ACCESS_LOG =
            "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    private static Match match(String pattern, String message) {
        Optional<Match> match = FilterPattern.parse(pattern).match(message);
        assertTrue(match.isPresent(), () -> pattern + " should match " + message);
        return match.get();
    }

    @Test
    void jsonLatencyAndNestedValues() {
        Match match = match("{ $.latency = * }",
                "{\"latency\": 42.5, \"a\": {\"b\": [{\"c\": \"deep\"}]}, \"service\": \"api\", \"ok\": true}");
        assertEquals(Optional.of("42.5"), match.value("$.latency"));
        assertEquals(Optional.of("deep"), match.value("$.a.b[0].c"));
        assertEquals(Optional.of("api"), match.value("$.service"));
        assertEquals(Optional.of("true"), match.value("$.ok"));
    }

    @Test
    void jsonSelectorsWithoutAValueAreEmpty() {
        Match match = match("{ $.latency > 1 }", "{\"latency\": 2, \"gone\": null, \"obj\": {\"x\": 1}}");
        assertEquals(Optional.empty(), match.value("$.missing"));
        assertEquals(Optional.empty(), match.value("$.gone"));
        assertEquals(Optional.empty(), match.value("$.obj"));
        assertEquals(Optional.empty(), match.value("latency"));
        assertEquals(Optional.empty(), match.value("$latency"));
        assertEquals(Optional.empty(), match.value(null));
    }

    @Test
    void spaceDelimitedFieldsByNameAsDocumented() {
        Match match = match("[ip, server, username, timestamp, request, status_code, bytes > 1000]", ACCESS_LOG);
        assertEquals(Optional.of("1534"), match.value("$bytes"));
        assertEquals(Optional.of("404"), match.value("$status_code"));
        assertEquals(Optional.of("GET /index.html HTTP/1.0"), match.value("$request"));
        assertEquals(Optional.of("10/Oct/2000:13:25:15 -0700"), match.value("$timestamp"));
        assertEquals(Optional.of("frank"), match.value("$username"));
        assertEquals(Optional.of("Prod"), match.value("$server"));
        assertEquals(Optional.of("127.0.0.1"), match.value("$ip"));
    }

    @Test
    void spaceDelimitedFieldsByPositionIncludingThoseUnderAnEllipsis() {
        Match match = match("[..., request=*.html*, status_code=4*,]", ACCESS_LOG);
        assertEquals(Optional.of("1534"), match.value("$7"));
        assertEquals(Optional.of("10/Oct/2000:13:25:15 -0700"), match.value("$4"));
        assertEquals(Optional.of("127.0.0.1"), match.value("$1"));
        assertEquals(Optional.of("404"), match.value("$status_code"));
        assertEquals(Optional.empty(), match.value("$8"));
        assertEquals(Optional.empty(), match.value("$0"));
        assertEquals(Optional.empty(), match.value("$bytes"));
    }

    @Test
    void termPatternsSelectNothingAndNonMatchesGiveNoMatch() {
        assertEquals(Optional.empty(), match("ERROR", "ERROR 1534").value("$1"));
        assertEquals(Optional.empty(), FilterPattern.parse("{ $.latency > 100 }").match("{\"latency\": 5}"));
        assertEquals(Optional.empty(), FilterPattern.parse("[a, b]").match("one"));
    }
}
