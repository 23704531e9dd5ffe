package dev.berth.logs.tail;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Live tail over Server-Sent Events, fed from berth.logs. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LiveTailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    /** An open tail: its SSE events as (name, data) in arrival order. */
    private record Tail(HttpResponse<Stream<String>> response, BlockingQueue<String[]> events) {
        String[] next() throws InterruptedException {
            return events.poll(10, TimeUnit.SECONDS);
        }
    }

    private Tail open(String user, String group, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(group(group).substring(1) + "/tail" + query))
                .header("Authorization", "Bearer " + Tokens.forDemoUser(user))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            String name = "message";
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name, line.substring(5).trim()});
                } else if (!line.isEmpty() && !line.startsWith(":") && !line.startsWith("id:")
                        && !line.startsWith("retry:")) {
                    // not an SSE field (e.g. a "content-type:" line): shows up as an event named "stray"
                    events.add(new String[] {"stray", line});
                }
            }
        });
        return new Tail(response, events);
    }

    @Test
    void tailSendsNewMatchingEventsWithinSeconds() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "app");
        LogsTestClient.newStream(group, "other");
        Tail tail = open("acme-viewer", group, "?filterPattern=" + LogsTestClient.encoded("ERROR")
                + "&logStreamNames=app");
        assertEquals(200, tail.response().statusCode());
        String[] start = tail.next();
        assertEquals("sessionStart", start[0]);

        long sentAt = System.currentTimeMillis();
        LogsTestClient.put(group, "app", List.of(event(sentAt, "INFO fine"), event(sentAt, "ERROR boom")));
        LogsTestClient.put(group, "other", List.of(event(sentAt, "ERROR elsewhere")));
        // an agent's batch through the scheduler's path reaches the tail too
        LogsTestClient.sendBatch("acme", group, "app", List.of(event(sentAt + 1, "ERROR from a host")),
                "host/" + UUID.randomUUID());

        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String[] next = tail.next();
            assertEquals("log", next[0], "event " + i + " of the tail");
            JsonNode data = JSON.readTree(next[1]);
            assertEquals("app", data.get("logStreamName").asText());
            assertTrue(data.get("ingestionTime").asLong() - sentAt < 2_000, "seen within 2 s of sending");
            messages.add(data.get("message").asText());
        }
        assertEquals(List.of("ERROR boom", "ERROR from a host"), messages);
        assertEquals(null, tail.events().poll(1, TimeUnit.SECONDS), "nothing else matches");
        tail.response().body().close();
    }

    @Test
    void tailOfAnotherTenantsGroupIsNotFoundAndBadPatternsAreRefused() throws Exception {
        String group = LogsTestClient.newGroup(null);
        as("globex-admin").get(group(group) + "/tail").then().statusCode(404);
        as("acme-viewer").get(group(group) + "/tail?filterPattern=" + LogsTestClient.encoded("{ $.a = ")).then()
                .statusCode(400);
        as("acme-viewer").get(LogsTestClient.group("/no/such/group") + "/tail").then().statusCode(404);
    }
}
