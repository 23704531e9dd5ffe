package dev.berth.gateway.taskroles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.agent.hostauth.HostTokens;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task roles and task role tokens against the real Keycloak: define, bind, fetch, refresh, release. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class TaskCredentialsIT {

    @TempDir
    Path dir;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void createRole(String admin, String name, List<String> scopes) {
        given().auth().oauth2(Tokens.forDemoUser(admin)).contentType("application/json")
                .body(Map.of("name", name, "description", "test role", "scopes", scopes))
                .when().post("/api/iam/v1/task-roles").then()
                .statusCode(201)
                .body("arn", equalTo("arn:berth:iam::" + admin.split("-")[0] + ":role/" + name));
    }

    private HostCredentials registerHost(String admin, String cluster, String name) throws Exception {
        String token = given().auth().oauth2(Tokens.forDemoUser(admin)).contentType("application/json")
                .body(Map.of("cluster", cluster, "maxUses", 1))
                .when().post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().path("token");
        return HostCredentials.register(URI.create("http://127.0.0.1:" + RestAssured.port), token, name,
                dir.resolve(name + ".json"));
    }

    private static void bind(String taskId, String tenant, String role, HostCredentials host, int status) {
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).contentType("application/json")
                .body(Map.of("tenant", tenant, "taskRole", role, "cluster", host.cluster(), "hostId", host.hostId()))
                .when().put("/api/iam/v1/task-credentials/" + taskId).then().statusCode(status);
    }

    private static String fetch(String taskId, String callerToken) {
        return given().auth().oauth2(callerToken).when().get("/api/iam/v1/task-credentials/" + taskId).then()
                .statusCode(200)
                .body("taskId", equalTo(taskId))
                .body("tokenType", equalTo("Bearer"))
                .extract().path("token");
    }

    private static Set<String> scopesOf(JsonNode claims) {
        return Set.of(claims.path("scope").asText().split(" "));
    }

    @Test
    void onlyTheTasksHostGetsAShortLivedTokenWithTheRolesScopes() throws Exception {
        String role = unique("web");
        createRole("acme-admin", role, List.of("registry:pull:acme/web", "logs:write:/acme/web*", "api:read"));
        HostCredentials host = registerHost("acme-admin", "prod", unique("node"));
        HostCredentials otherHost = registerHost("acme-admin", "prod", unique("node"));
        String taskId = unique("t");

        bind(taskId, "acme", "arn:berth:iam::acme:role/" + role, host, 201);
        bind(taskId, "acme", role, host, 204); // the same binding again changes nothing
        bind(taskId, "acme", role, otherHost, 409);

        String hostToken = new HostTokens(host).token();
        String taskToken = fetch(taskId, hostToken);
        JsonNode claims = Tokens.claims(taskToken);
        assertEquals("acme", claims.path("tenant").asText());
        assertEquals(taskId, claims.path("task_id").asText());
        assertEquals(role, claims.path("task_role").asText());
        assertEquals(Set.of("registry:pull:acme/web", "logs:write:/acme/web*", "api:read"), scopesOf(claims));
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertTrue(lifetime > 0 && lifetime <= 900, "lives at most 15 minutes, was " + lifetime + " s");
        assertEquals(taskToken, fetch(taskId, hostToken), "a fresh token is handed out again, not re-minted");
        assertEquals(taskToken, fetch(taskId, Tokens.forPlatformService("scheduler")));

        // the task token is a caller of its own: the api:read scope lets it read
        given().auth().oauth2(taskToken).when().get("/api/gateway/v1/caller").then()
                .statusCode(200).body("kind", equalTo("TASK")).body("taskId", equalTo(taskId));
        given().auth().oauth2(taskToken).when().get("/api/iam/v1/task-roles/" + role).then().statusCode(200);
        given().auth().oauth2(taskToken).contentType("application/json")
                .body(Map.of("name", unique("x"), "scopes", List.of("api:read")))
                .when().post("/api/iam/v1/task-roles").then().statusCode(403);

        // nobody else learns that the task exists
        for (String stranger : List.of(new HostTokens(otherHost).token(), Tokens.forDemoUser("acme-admin"),
                Tokens.forDemoUser("globex-admin"), taskToken)) {
            given().auth().oauth2(stranger).when().get("/api/iam/v1/task-credentials/" + taskId).then()
                    .statusCode(404);
        }
        // and only platform services bind and release
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("tenant", "acme", "taskRole", role, "cluster", "prod", "hostId", host.hostId()))
                .when().put("/api/iam/v1/task-credentials/" + unique("t")).then().statusCode(403);
        given().auth().oauth2(hostToken).when().delete("/api/iam/v1/task-credentials/" + taskId).then()
                .statusCode(403);

        // a role in use cannot be deleted; a change of its scopes reaches the running task
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete("/api/iam/v1/task-roles/" + role)
                .then().statusCode(409).body("code", equalTo("DeleteConflictException"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("scopes", List.of("registry:pull:acme/web", "registry:push:acme/web")))
                .when().put("/api/iam/v1/task-roles/" + role).then().statusCode(200)
                .body("scopes", hasItem("registry:push:acme/web"));
        String refreshed = fetch(taskId, hostToken);
        assertNotEquals(taskToken, refreshed);
        assertEquals(Set.of("registry:pull:acme/web", "registry:push:acme/web"), scopesOf(Tokens.claims(refreshed)));

        // the task stops: its credentials go, and the role can go too
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).when()
                .delete("/api/iam/v1/task-credentials/" + taskId).then().statusCode(204);
        given().auth().oauth2(hostToken).when().get("/api/iam/v1/task-credentials/" + taskId).then().statusCode(404);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete("/api/iam/v1/task-roles/" + role)
                .then().statusCode(204);
    }

    @Test
    void bindingNamesTheFieldThatIsWrong() throws Exception {
        HostCredentials host = registerHost("acme-admin", "prod", unique("node"));
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).contentType("application/json")
                .body(Map.of("tenant", "acme", "taskRole", "no-such-role", "cluster", "prod", "hostId", host.hostId()))
                .when().put("/api/iam/v1/task-credentials/" + unique("t")).then()
                .statusCode(400).body("message", containsString("taskRole"));
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).contentType("application/json")
                .body(Map.of("tenant", "acme", "taskRole", "arn:berth:iam::globex:role/x", "cluster", "prod",
                        "hostId", host.hostId()))
                .when().put("/api/iam/v1/task-credentials/" + unique("t")).then()
                .statusCode(400).body("message", containsString("another tenant"));
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).contentType("application/json")
                .body(Map.of("tenant", "acme", "taskRole", "web", "cluster", "prod"))
                .when().put("/api/iam/v1/task-credentials/" + unique("t")).then()
                .statusCode(400).body("message", containsString("hostId"));
    }
}
