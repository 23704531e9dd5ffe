package dev.berth.logs.tail;

import static dev.berth.logs.LogsTestClient.group;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Iterator;
import java.util.List;
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
class LiveTailTokenExpiryTest {

    private static final String KEYCLOAK = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180");
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
        String admin = masterAdminToken();
        String clientId = "logs-expiring-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String location = given().baseUri(KEYCLOAK).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "secret", secret,
                        "attributes", Map.of("access.token.lifespan", String.valueOf(LIFESPAN_SECONDS)),
                        "protocolMappers", List.of(Map.of("name", "tenant", "protocol", "openid-connect",
                                "protocolMapper", "oidc-hardcoded-claim-mapper",
                                "config", Map.of("claim.name", "tenant", "claim.value", "acme",
                                        "jsonType.label", "String", "access.token.claim", "true")))))
                .when().post("/admin/realms/berth/clients").then().statusCode(201).extract().header("Location");
        try {
            String userId = given().baseUri(KEYCLOAK).auth().oauth2(admin)
                    .get(URI.create(location).getPath() + "/service-account-user").then().statusCode(200)
                    .extract().path("id");
            Map<String, Object> viewer = given().baseUri(KEYCLOAK).auth().oauth2(admin)
                    .get("/admin/realms/berth/roles/viewer").then().statusCode(200).extract().as(Map.class);
            given().baseUri(KEYCLOAK).auth().oauth2(admin).contentType("application/json").body(List.of(viewer))
                    .post("/admin/realms/berth/users/" + userId + "/role-mappings/realm").then().statusCode(204);
            return Tokens.clientCredentials(clientId, secret);
        } finally {
            given().auth().oauth2(admin).when().delete(location).then().statusCode(204);
        }
    }

    private static String masterAdminToken() {
        return given().baseUri(KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", System.getenv().getOrDefault("BERTH_KEYCLOAK_ADMIN_PASSWORD", "berth-admin"))
                .when().post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
