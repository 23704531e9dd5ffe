package dev.berth.registry.repositories;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.common.messaging.Topic;
import dev.berth.registry.TestImages;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lifecycle policies through the API: put, get, preview, run, delete, with the expiries announced. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LifecyclePolicyApiIT {

    private static final String KEEP_ONE_UNTAGGED = "{\"rules\":[{\"rulePriority\":1,\"description\":\"one untagged\","
            + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1},"
            + "\"action\":{\"type\":\"expire\"}}]}";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    /** Pushes an image (its config holds {@code text}) by digest or under a tag; returns its digest. */
    private static String push(String repository, String text, String tag) {
        TestImages.Pushed pushed = TestImages.pushImage(Tokens.forDemoUser("acme-admin"), repository, tag,
                TestImages.bytes("{\"x\":\"" + text + "\"}"), null);
        assertEquals(201, pushed.status());
        return pushed.digest();
    }

    @Test
    void previewShowsWhatWouldExpireAndARunExpiresExactlyThat() throws Exception {
        String name = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
        String repository = "acme/" + name;
        String api = "/api/registry/v1/repositories/" + name;
        String oldest = push(repository, "1", null);
        String older = push(repository, "2", null);
        String newest = push(repository, "3", null);
        String tagged = push(repository, "4", "v1");

        as("acme-admin").body(Map.of("lifecyclePolicyText", "{\"rules\":[]}")).when().put(api + "/lifecycle-policy")
                .then().statusCode(400).body("message", containsString("lifecyclePolicyText"));
        as("acme-deployer").body(Map.of("lifecyclePolicyText", KEEP_ONE_UNTAGGED)).when().put(api + "/lifecycle-policy")
                .then().statusCode(403);
        as("acme-admin").when().get(api + "/lifecycle-policy").then()
                .statusCode(404).body("code", equalTo("LifecyclePolicyNotFoundException"));
        as("acme-admin").body(Map.of("lifecyclePolicyText", KEEP_ONE_UNTAGGED)).when().put(api + "/lifecycle-policy")
                .then().statusCode(200).body("repositoryName", equalTo(name))
                .body("lifecyclePolicyText", equalTo(KEEP_ONE_UNTAGGED));
        as("acme-viewer").when().get(api + "/lifecycle-policy").then()
                .statusCode(200).body("lifecyclePolicyText", equalTo(KEEP_ONE_UNTAGGED));

        as("acme-viewer").when().post(api + "/lifecycle-policy-preview").then()
                .statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as("acme-viewer").when().get(api + "/lifecycle-policy-preview").then()
                .statusCode(200)
                .body("status", equalTo("COMPLETE"))
                .body("previewResults.imageDigest", equalTo(List.of(older, oldest)))
                .body("previewResults[0].appliedRulePriority", equalTo(1))
                .body("previewResults[0].action.type", equalTo("EXPIRE"))
                .body("summary.expiringImageTotalCount", equalTo(2));
        as("acme-admin").when().get("/v2/" + repository + "/manifests/" + oldest).then().statusCode(200);

        try (EventsReader events = EventsReader.atEndOf(Topic.EVENTS.topicName())) {
            as("acme-admin").when().post(api + "/lifecycle-policy/executions").then()
                    .statusCode(200).body("expiredImages", hasSize(2));
            List<EventsReader.Event> expiries = events.read(e -> name.equals(e.value().at("/detail/repository-name").asText())
                    && "EXPIRE".equals(e.value().at("/detail/action-type").asText()), 2, Duration.ofSeconds(30));
            assertEquals(List.of(older, oldest), expiries.stream().map(e -> e.value().at("/detail/image-digest").asText())
                    .toList());
        }
        as("acme-admin").when().get("/v2/" + repository + "/manifests/" + oldest).then().statusCode(404);
        as("acme-admin").when().get("/v2/" + repository + "/manifests/" + older).then().statusCode(404);
        as("acme-admin").when().get("/v2/" + repository + "/manifests/" + newest).then().statusCode(200);
        as("acme-admin").when().get("/v2/" + repository + "/manifests/" + tagged).then().statusCode(200);
        as("acme-admin").when().get(api + "/lifecycle-policy").then()
                .statusCode(200).body("lastEvaluatedAt", notNullValue());

        as("acme-admin").when().delete(api + "/lifecycle-policy").then().statusCode(200);
        as("acme-admin").when().get(api + "/lifecycle-policy").then().statusCode(404);
        as("globex-admin").when().get(api + "/lifecycle-policy").then()
                .statusCode(404).body("code", equalTo("RepositoryNotFoundException"));
    }
}
