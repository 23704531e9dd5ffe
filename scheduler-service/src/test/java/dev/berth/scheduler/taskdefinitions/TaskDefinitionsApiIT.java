package dev.berth.scheduler.taskdefinitions;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RegisterTaskDefinition and friends through the service, with real tokens and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class TaskDefinitionsApiIT {

    private static final String API = "/api/scheduler/v1/task-definitions";

    private static ObjectNode example(String family) throws Exception {
        return TaskDefinitionValidatorTest.webserver().put("family", family);
    }

    private static String family() {
        return "web-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registersTheDocumentationsExampleAsRevisionsAndDescribesThem() throws Exception {
        String family = family();
        ObjectNode example = example(family);
        String command = example.at("/containerDefinitions/0/command/0").asText();
        as("acme-deployer").body(example.toString()).when().post(API).then()
                .statusCode(201)
                .body("taskDefinition.taskDefinitionArn", equalTo("arn:berth:ecs::acme:task-definition/" + family + ":1"))
                .body("taskDefinition.revision", equalTo(1))
                .body("taskDefinition.status", equalTo("ACTIVE"))
                .body("taskDefinition.containerDefinitions[0].command[0]", equalTo(command))
                .body("taskDefinition.containerDefinitions[0].portMappings[0].hostPort", equalTo(80))
                .body("taskDefinition.registeredBy", equalTo("acme-deployer"));
        as("acme-deployer").body(example.toString()).when().post(API).then()
                .statusCode(201).body("taskDefinition.revision", equalTo(2));

        as("acme-viewer").when().get(API + "/" + family).then()
                .statusCode(200).body("taskDefinition.revision", equalTo(2));
        as("acme-viewer").when().get(API + "/" + family + ":1").then()
                .statusCode(200).body("taskDefinition.revision", equalTo(1));
        String arn = "arn:berth:ecs::acme:task-definition/" + family + ":1";
        as("acme-viewer").urlEncodingEnabled(false)
                .when().get(API + "/" + URLEncoder.encode(arn, StandardCharsets.UTF_8)).then()
                .statusCode(200).body("taskDefinition.taskDefinitionArn", equalTo(arn));
    }

    @Test
    void deregisteredRevisionsStayDescribableAndTheFamilyFallsBack() throws Exception {
        String family = family();
        for (int i = 0; i < 2; i++) {
            as("acme-deployer").body(example(family).toString()).when().post(API).then().statusCode(201);
        }
        as("acme-deployer").when().delete(API + "/" + family + ":2").then()
                .statusCode(200)
                .body("taskDefinition.status", equalTo("INACTIVE"))
                .body("taskDefinition.deregisteredAt", startsWith("20"));
        as("acme-viewer").when().get(API + "/" + family).then().statusCode(200).body("taskDefinition.revision", equalTo(1));
        as("acme-viewer").when().get(API + "/" + family + ":2").then().statusCode(200)
                .body("taskDefinition.status", equalTo("INACTIVE"));
        as("acme-deployer").when().delete(API + "/" + family + ":2").then()
                .statusCode(400).body("code", equalTo("ClientException")).body("message", endsWith("already INACTIVE."));
        as("acme-deployer").when().delete(API + "/" + family).then()
                .statusCode(400).body("message", startsWith("taskDefinition: name a revision"));
        as("acme-deployer").when().delete(API + "/" + family + ":9").then().statusCode(404);
    }

    @Test
    void listsByFamilyPrefixAndStatusInPages() throws Exception {
        String family = family();
        for (int i = 0; i < 3; i++) {
            as("acme-deployer").body(example(family).toString()).when().post(API).then().statusCode(201);
        }
        as("acme-deployer").when().delete(API + "/" + family + ":1").then().statusCode(200);
        String prefix = "arn:berth:ecs::acme:task-definition/" + family;
        as("acme-viewer").queryParam("familyPrefix", family).when().get(API).then()
                .statusCode(200)
                .body("taskDefinitionArns", contains(prefix + ":1", prefix + ":2", prefix + ":3"))
                .body("nextToken", nullValue());
        as("acme-viewer").queryParam("familyPrefix", family).queryParam("status", "ACTIVE").when().get(API).then()
                .body("taskDefinitionArns", contains(prefix + ":2", prefix + ":3"));
        String next = as("acme-viewer").queryParam("familyPrefix", family).queryParam("maxResults", 2).when().get(API)
                .then().body("taskDefinitionArns", contains(prefix + ":1", prefix + ":2"))
                .extract().path("nextToken");
        as("acme-viewer").queryParam("familyPrefix", family).queryParam("maxResults", 2).queryParam("nextToken", next)
                .when().get(API).then().body("taskDefinitionArns", contains(prefix + ":3")).body("nextToken", nullValue());
        as("acme-viewer").queryParam("status", "DELETED").when().get(API).then().statusCode(400)
                .body("message", startsWith("status:"));
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() throws Exception {
        String family = family();
        ObjectNode tooSmall = example(family);
        ((ObjectNode) tooSmall.at("/containerDefinitions/0")).put("memoryReservation", 512);
        as("acme-deployer").body(tooSmall.toString()).when().post(API).then()
                .statusCode(400)
                .body("code", equalTo("ClientException"))
                .body("message", startsWith("containerDefinitions[0].memory: must be at least memoryReservation"));
        ObjectNode wrongType = example(family);
        ((ObjectNode) wrongType.at("/containerDefinitions/0")).put("cpu", "lots");
        as("acme-deployer").body(wrongType.toString()).when().post(API).then()
                .statusCode(400).body("message", startsWith("containerDefinitions[0].cpu: must be a whole number"));
        as("acme-deployer").body("[1, 2]").when().post(API).then()
                .statusCode(400).body("message", startsWith("body:"));
        as("acme-viewer").queryParam("familyPrefix", family).when().get(API).then()
                .body("taskDefinitionArns", empty());
    }

    @Test
    void aDescribedDefinitionRegistersAgainAsIs() throws Exception {
        String family = family();
        String described = as("acme-deployer").body(example(family).toString()).when().post(API).then()
                .statusCode(201).extract().asString();
        as("acme-deployer").body(described).when().post(API).then()
                .statusCode(201)
                .body("taskDefinition.revision", equalTo(2))
                .body("taskDefinition.containerDefinitions[0].name", equalTo("web-server"));
    }

    @Test
    void viewersCannotRegisterAndOtherTenantsSeeNothing() throws Exception {
        String family = family();
        as("acme-viewer").body(example(family).toString()).when().post(API).then().statusCode(403);
        as("acme-deployer").body(example(family).toString()).when().post(API).then().statusCode(201);
        as("globex-admin").when().get(API + "/" + family).then().statusCode(404);
        as("globex-admin").queryParam("familyPrefix", family).when().get(API).then().body("taskDefinitionArns", empty());
        as("globex-admin").when().delete(API + "/" + family + ":1").then().statusCode(404);
    }
}
