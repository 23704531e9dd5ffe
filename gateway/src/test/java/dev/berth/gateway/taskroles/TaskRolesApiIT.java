package dev.berth.gateway.taskroles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The task-role API: who may read and change roles, and what bad input gets. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class TaskRolesApiIT {

    private static final String PATH = "/api/iam/v1/task-roles";

    private static String unique() {
        return "role-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void adminsDefineRolesTheWholeTenantReadsAndOtherTenantsNeverSee() {
        String name = unique();
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", name, "scopes", List.of("registry:pull:acme/app", "api:read", "api:read")))
                .when().post(PATH).then()
                .statusCode(201)
                .header("Location", containsString(PATH + "/" + name))
                .body("scopes", equalTo(List.of("registry:pull:acme/app", "api:read")))
                .body("createdBy", equalTo("acme-admin"));

        for (String reader : List.of("acme-viewer", "acme-deployer")) {
            given().auth().oauth2(Tokens.forDemoUser(reader)).when().get(PATH).then()
                    .statusCode(200).body("taskRoles.name", hasItem(name));
            given().auth().oauth2(Tokens.forDemoUser(reader)).contentType("application/json")
                    .body(Map.of("name", unique(), "scopes", List.of("api:read")))
                    .when().post(PATH).then().statusCode(403);
            given().auth().oauth2(Tokens.forDemoUser(reader)).when().delete(PATH + "/" + name).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().get(PATH + "/" + name).then()
                .statusCode(404).body("code", equalTo("NoSuchEntityException"));
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().get(PATH).then()
                .statusCode(200).body("taskRoles.name", not(hasItem(name)));
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().delete(PATH + "/" + name).then()
                .statusCode(404);

        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", name, "scopes", List.of("api:read")))
                .when().post(PATH).then().statusCode(409).body("code", equalTo("EntityAlreadyExistsException"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete(PATH + "/" + name).then()
                .statusCode(204);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get(PATH + "/" + name).then()
                .statusCode(404);
    }

    @Test
    void badInputNamesTheFieldAndCreatesNothing() {
        String name = unique();
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", name, "scopes", List.of("api:read", "registry:delete:acme/app")))
                .when().post(PATH).then()
                .statusCode(400).body("message", containsString("scopes[1]"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", "no spaces allowed", "scopes", List.of("api:read")))
                .when().post(PATH).then()
                .statusCode(400).body("message", containsString("name"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", name, "scopes", List.of()))
                .when().post(PATH).then()
                .statusCode(400).body("message", containsString("scopes"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get(PATH + "/" + name).then()
                .statusCode(404);
    }
}
