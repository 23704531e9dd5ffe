package dev.berth.logs.events;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.event;
import static dev.berth.logs.LogsTestClient.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Patterns that make a backtracking engine run for hours answer at once through the API: the
 * regular expressions of filter patterns run on a linear-time engine.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class CatastrophicPatternApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATASTROPHIC = "%a*a*a*a*a*a*b%";
    private static final String FIVE_THOUSAND_AS = "a".repeat(5_000);
    private static final long ALLOWED_MILLIS = 100;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The fastest of three calls, in milliseconds; a call that hangs fails after 5 s. */
    private long fastestOfThree(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Authorization", "Bearer " + Tokens.forDemoUser("acme-admin"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1_000_000);
            assertEquals(200, response.statusCode(), response.body());
        }
        return fastest;
    }

    @Test
    void filterLogEventsAndTestMetricFilterAnswerWithinATenthOfASecond() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        LogsTestClient.put(group, "s", List.of(event(System.currentTimeMillis(), FIVE_THOUSAND_AS)));
        LogsTestClient.awaitMessages(group, "s", found -> found.size() == 1);
        String filter = group(group) + "/events:filter";
        // warm-up: the same calls with a harmless pattern
        fastestOfThree(filter, Map.of("filterPattern", "%a+b%"));
        fastestOfThree(API + "/metric-filters:test", Map.of("filterPattern", "%a+b%",
                "logEventMessages", List.of(FIVE_THOUSAND_AS)));

        for (String pattern : List.of(CATASTROPHIC, "{ $.m = " + CATASTROPHIC + " }", "[m = " + CATASTROPHIC + "]")) {
            long filterMillis = fastestOfThree(filter, Map.of("filterPattern", pattern));
            assertTrue(filterMillis <= ALLOWED_MILLIS, "FilterLogEvents with " + pattern + " took " + filterMillis + " ms");
            long testMillis = fastestOfThree(API + "/metric-filters:test", Map.of("filterPattern", pattern,
                    "logEventMessages", List.of(FIVE_THOUSAND_AS, "{\"m\":\"" + FIVE_THOUSAND_AS + "\"}")));
            assertTrue(testMillis <= ALLOWED_MILLIS, "TestMetricFilter with " + pattern + " took " + testMillis + " ms");
        }
        as("acme-viewer").body(Map.of("filterPattern", "%(a*)*b%")).post(filter).then().statusCode(400)
                .body("code", Matchers.equalTo("InvalidParameterException"))
                .body("message", Matchers.containsString("filterPattern"))
                .body("field", Matchers.equalTo("filterPattern"));
        as("acme-viewer").body(Map.of("filterPattern", "%a\\1%")).post(filter).then().statusCode(400)
                .body("message", Matchers.containsString("filterPattern"));
        as("acme-viewer").body(Map.of("filterPattern", "x".repeat(1025))).post(filter).then().statusCode(400)
                .body("message", Matchers.containsString("filterPattern"));
    }

    @Test
    void liveTailMatchesAgainstACatastrophicPatternWithinATenthOfASecond() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        HttpRequest request = HttpRequest.newBuilder(base.resolve(group(group).substring(1) + "/tail?filterPattern="
                        + LogsTestClient.encoded(CATASTROPHIC)))
                .header("Authorization", "Bearer " + Tokens.forDemoUser("acme-viewer"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<Map.Entry<Long, String>> received = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    received.add(Map.entry(System.currentTimeMillis(), line.substring(5).trim()));
                }
            }
        });
        assertTrue(received.poll(10, TimeUnit.SECONDS).getValue().contains("startedAt"), "sessionStart");

        long now = System.currentTimeMillis();
        LogsTestClient.put(group, "s", List.of(event(now, FIVE_THOUSAND_AS), event(now, FIVE_THOUSAND_AS + "b")));
        Map.Entry<Long, String> match = received.poll(10, TimeUnit.SECONDS);
        assertTrue(match != null, "the matching event reached the tail");
        JsonNode data = JSON.readTree(match.getValue());
        assertEquals(FIVE_THOUSAND_AS + "b", data.get("message").asText());
        long millis = match.getKey() - data.get("ingestionTime").asLong();
        assertTrue(millis <= ALLOWED_MILLIS, "from the feed reading the batch to the client: " + millis + " ms");
        response.body().close();
    }
}
