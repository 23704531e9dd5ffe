package dev.berth.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.common.messaging.Topic;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mutating calls leave an audit event on the real berth.events topic; reads do not. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AuditIT {

    private static final String PATH = "/api/iam/v1/test-guarded";

    @Test
    void recordsWhoDidWhatWithWhichResult() throws Exception {
        try (EventsReader events = EventsReader.atEndOf(Topic.EVENTS.topicName())) {
            String allowed = "audit-" + UUID.randomUUID();
            String denied = "audit-" + UUID.randomUUID();
            String read = "audit-" + UUID.randomUUID();
            String anonymous = "audit-" + UUID.randomUUID();
            String forged = "audit-" + UUID.randomUUID();
            given().auth().oauth2(Tokens.forDemoUser("acme-deployer")).header("X-Request-Id", allowed)
                    .when().post(PATH).then().statusCode(200);
            given().auth().oauth2(Tokens.forDemoUser("globex-viewer")).header("X-Request-Id", denied)
                    .when().delete(PATH).then().statusCode(403);
            given().auth().oauth2(Tokens.forDemoUser("acme-admin")).header("X-Request-Id", read)
                    .when().get(PATH).then().statusCode(200);
            given().header("X-Request-Id", anonymous).when().post(PATH).then().statusCode(401);
            given().auth().oauth2("not.a.token").header("X-Request-Id", forged).when().put(PATH).then().statusCode(401);

            Map<String, JsonNode> byRequestId = readUntil(events, List.of(allowed, denied, anonymous, forged),
                    Duration.ofSeconds(30));

            JsonNode post = byRequestId.get(allowed);
            assertEquals("berth.audit.api-call", post.get("type").asText());
            assertEquals("acme", post.get("tenant").asText());
            assertNotNull(post.get("id").asText());
            assertNotNull(post.get("time").asText());
            assertEquals("acme-deployer", post.at("/detail/principal").asText());
            assertEquals("USER", post.at("/detail/principalKind").asText());
            assertEquals("POST", post.at("/detail/action").asText());
            assertEquals(PATH, post.at("/detail/resource").asText());
            assertEquals(200, post.at("/detail/result").asInt());
            assertEquals("127.0.0.1", post.at("/detail/sourceAddress").asText());

            JsonNode delete = byRequestId.get(denied);
            assertEquals("globex", delete.get("tenant").asText());
            assertEquals(403, delete.at("/detail/result").asInt());

            for (String refused : List.of(anonymous, forged)) {
                JsonNode event = byRequestId.get(refused);
                assertTrue(event.get("tenant").isNull(), "a refused call has no tenant");
                assertEquals("ANONYMOUS", event.at("/detail/principalKind").asText());
                assertEquals(401, event.at("/detail/result").asInt());
            }

            assertTrue(readUntil(events, List.of(read), Duration.ofSeconds(3)).isEmpty(), "a GET is not audited");
        }
    }

    private static Map<String, JsonNode> readUntil(EventsReader events, List<String> requestIds, Duration within)
            throws Exception {
        Map<String, JsonNode> found = new HashMap<>();
        for (EventsReader.Event event : events.read(e -> requestIds.contains(e.value().at("/detail/requestId").asText()),
                requestIds.size(), within)) {
            JsonNode value = event.value();
            assertEquals(value.get("tenant").isNull() ? null : value.get("tenant").asText(), event.key(),
                    "events are keyed by tenant");
            found.put(value.at("/detail/requestId").asText(), value);
        }
        return found;
    }
}
