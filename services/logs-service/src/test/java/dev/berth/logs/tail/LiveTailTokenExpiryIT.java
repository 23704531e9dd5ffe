package dev.berth.logs.tail;

import static dev.berth.logs.LogsTestClient.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.TestClients;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A live tail ends when the token it was opened with expires, so a user without a new token stops tailing. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LiveTailTokenExpiryIT {

    private static final int LIFESPAN_SECONDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String END = "end of stream";

    @TestHTTPResource("/")
    URI base;

    @Test
    void theTailSaysWhyAndEndsWhenTheTokenExpires() throws Exception {
        String group = LogsTestClient.newGroup(null);
        String token = shortLivedViewerToken();
        long expiresAt = Tokens.claims(token).get("exp").asLong() * 1000;

        HttpRequest request = HttpRequest.newBuilder(base.resolve(group(group).substring(1) + "/tail"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
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
                }
            }
            events.add(new String[] {END, ""});
        });
        assertEquals("sessionStart", events.poll(10, TimeUnit.SECONDS)[0]);

        String[] last = events.poll(LIFESPAN_SECONDS + 10, TimeUnit.SECONDS);
        assertNotNull(last, "the tail went on past the token's expiry");
        assertEquals("sessionEnd", last[0]);
        JsonNode end = JSON.readTree(last[1]);
        assertEquals("TokenExpired", end.get("reason").asText());
        assertTrue(end.get("endedAt").asLong() >= expiresAt - 1_000, "ended at the expiry, not before");
        assertEquals(END, events.poll(5, TimeUnit.SECONDS)[0], "the stream is closed");
    }

    /** A token of a throw-away acme client with the viewer role whose tokens live a few seconds. */
    private static String shortLivedViewerToken() {
        TestClients.Client client = TestClients.create("logs-expiring-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("tenant", "acme"), "viewer", Map.of(), LIFESPAN_SECONDS);
        try {
            return client.token();
        } finally {
            TestClients.delete(client);
        }
    }
}
