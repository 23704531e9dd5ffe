package dev.berth.registry.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.common.messaging.Topic;
import dev.berth.registry.TestImages;
import dev.berth.registry.digest.Digest;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pushes and deletes announce themselves on berth.events in ECR's Image Action shape. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ImageActionEventsIT {

    @Test
    void pushAndDeleteAreAnnounced() throws Exception {
        String name = "events-" + UUID.randomUUID().toString().substring(0, 8);
        String repository = "acme/" + name;
        String token = Tokens.forDemoUser("acme-admin");
        String configDigest = TestImages.pushBlob(token, repository, TestImages.bytes("{}"));
        String manifest = TestImages.imageManifest(configDigest, 2, null, 0, "");
        String digest = Digest.sha256(TestImages.bytes(manifest)).toString();

        try (EventsReader events = EventsReader.atEndOf(Topic.EVENTS.topicName())) {
            assertEquals(201, TestImages.putManifest(token, repository, "v1", manifest));
            given().auth().oauth2(token).when().delete("/v2/" + repository + "/manifests/v1").then().statusCode(202);

            List<EventsReader.Event> found = events.read(e -> name.equals(e.value().at("/detail/repository-name").asText()),
                    2, Duration.ofSeconds(30));
            assertEquals(2, found.size(), "a push and a delete: " + found);
            JsonNode push = found.get(0).value();
            assertEquals("acme", found.get(0).key());
            assertEquals("berth.registry.image-action", push.get("type").asText());
            assertEquals("acme", push.get("tenant").asText());
            assertEquals("PUSH", push.at("/detail/action-type").asText());
            assertEquals("SUCCESS", push.at("/detail/result").asText());
            assertEquals(digest, push.at("/detail/image-digest").asText());
            assertEquals("v1", push.at("/detail/image-tag").asText());
            JsonNode delete = found.get(1).value();
            assertEquals("DELETE", delete.at("/detail/action-type").asText());
            assertEquals(digest, delete.at("/detail/image-digest").asText());
            assertTrue(delete.at("/time").isTextual());
        }
    }
}
