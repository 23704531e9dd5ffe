package dev.berth.gateway.registrytoken;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Docker token protocol at the gateway, against the real Keycloak. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RegistryTokenIT {

    private static final String SCOPE = "repository:acme/app:pull,push,delete";

    private static ValidatableResponse tokenAs(String user, String password, String scope) {
        return given().auth().preemptive().basic(user, password)
                .queryParam("service", "berth-registry").queryParam("scope", scope)
                .when().get("/v2/token").then();
    }

    @Test
    void theBaseEndpointSendsClientsToTheTokenEndpoint() {
        given().when().get("/v2/").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"http://127.0.0.1:" + RestAssured.port
                        + "/v2/token\",service=\"berth-registry\""))
                .body("errors[0].code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void peopleGetOnlyTheAccessTheirLevelAllows() {
        tokenAs("acme-viewer", Tokens.DEMO_PASSWORD, SCOPE)
                .statusCode(200)
                .body("expires_in", greaterThan(60))
                .body("access[0].name", equalTo("acme/app"))
                .body("access[0].actions", equalTo(List.of("pull")));

        tokenAs("acme-deployer", Tokens.DEMO_PASSWORD, SCOPE).statusCode(200)
                .body("access[0].actions", equalTo(List.of("pull", "push")));
        tokenAs("acme-admin", Tokens.DEMO_PASSWORD, SCOPE).statusCode(200)
                .body("access[0].actions", equalTo(List.of("delete", "pull", "push")));
        tokenAs("globex-admin", Tokens.DEMO_PASSWORD, SCOPE).statusCode(200)
                .body("access[0].actions", equalTo(List.of()));
    }

    @Test
    void wrongOrMissingCredentialsAreRefused() {
        tokenAs("acme-viewer", "wrong", SCOPE).statusCode(401).body("errors[0].code", equalTo("UNAUTHORIZED"));
        tokenAs("acme-sa-nobody", "wrong", SCOPE).statusCode(401);
        given().when().get("/v2/token").then()
                .statusCode(401).header("WWW-Authenticate", equalTo("Basic realm=\"berth-registry\""));
        given().auth().oauth2("forged").when().get("/v2/token").then().statusCode(401);
        tokenAs("acme-viewer", Tokens.DEMO_PASSWORD, "repository").statusCode(400);
        given().auth().preemptive().basic("acme-viewer", Tokens.DEMO_PASSWORD).queryParam("service", "elsewhere")
                .when().get("/v2/token").then().statusCode(400);
    }

    @Test
    void serviceAccountsLogInWithClientIdAndSecret() {
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> created = given().auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .contentType("application/json").body(Map.of("name", name, "level", "deploy"))
                .when().post("/api/iam/v1/service-accounts").then().statusCode(201).extract().as(Map.class);
        try {
            tokenAs(created.get("clientId"), created.get("clientSecret"), SCOPE).statusCode(200)
                    .body("access[0].actions", equalTo(List.of("pull", "push")));
            given().auth().preemptive().basic(created.get("clientId"), created.get("clientSecret"))
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", "password").formParam("service", "berth-registry")
                    .formParam("scope", "repository:acme/app:pull")
                    .when().post("/v2/token").then().statusCode(200)
                    .body("access[0].actions", equalTo(List.of("pull")));
        } finally {
            given().auth().oauth2(Tokens.forDemoUser("acme-admin"))
                    .when().delete("/api/iam/v1/service-accounts/" + name).then().statusCode(204);
        }
    }

    @Test
    void bearerTokensOfOtherCallersAreExchangedAsTheyAre() {
        String own = Tokens.forDemoUser("acme-deployer");
        given().auth().oauth2(own).queryParam("scope", "repository:acme/app:pull,push")
                .when().get("/v2/token").then()
                .statusCode(200)
                .body("token", equalTo(own))
                .body("access[0].actions", equalTo(List.of("pull", "push")));
    }

    @Test
    void aLoginsTokenReachesOnlyTheScopeItWasGranted() {
        String token = tokenAs("acme-deployer", Tokens.DEMO_PASSWORD, "repository:acme/app:pull").statusCode(200)
                .body("access[0].actions", equalTo(List.of("pull")))
                .extract().path("token");
        // the registry behind is the echo backend here: 200 means the gateway let the call through
        given().auth().oauth2(token).when().get("/v2/acme/app/manifests/latest").then().statusCode(200);
        given().auth().oauth2(token).when().get("/v2/").then().statusCode(200);
        // the deployer may push, but this token was granted pull only
        given().auth().oauth2(token).contentType("application/octet-stream").body(new byte[] {1})
                .when().put("/v2/acme/app/manifests/latest").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("scope=\"repository:acme/app:pull,push\""))
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""));
        given().auth().oauth2(token).when().get("/v2/acme/other/manifests/latest").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("scope=\"repository:acme/other:pull\""));
        // and it is no API token
        given().auth().oauth2(token).when().get("/api/registry/v1/repositories").then()
                .statusCode(403).body("code", equalTo("AccessDeniedException"));
        given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then().statusCode(403);
        // nor can it widen itself at the token endpoint
        given().auth().oauth2(token).queryParam("service", "berth-registry")
                .queryParam("scope", "repository:acme/app:pull,push").queryParam("scope", "repository:acme/other:pull")
                .when().get("/v2/token").then()
                .statusCode(200)
                .body("access[0].actions", equalTo(List.of("pull")))
                .body("access[1].actions", equalTo(List.of()));
    }

    @Test
    void theChallengeNamesTheScopeACallNeeds() {
        given().when().get("/v2/acme/app/manifests/latest").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"http://127.0.0.1:" + RestAssured.port
                        + "/v2/token\",service=\"berth-registry\",scope=\"repository:acme/app:pull\""));
        given().when().patch("/v2/acme/team/app/blobs/uploads/123").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString(",scope=\"repository:acme/team/app:pull,push\""));
        given().queryParam("mount", "sha256:" + "a".repeat(64)).queryParam("from", "acme/base")
                .when().post("/v2/acme/app/blobs/uploads/").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString(
                        ",scope=\"repository:acme/app:pull,push repository:acme/base:pull\""));
        given().when().delete("/v2/acme/app/manifests/sha256:" + "b".repeat(64)).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString(",scope=\"repository:acme/app:delete\""));
        given().auth().oauth2("forged").when().get("/v2/acme/app/tags/list").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString(",scope=\"repository:acme/app:pull\""));
    }
}
