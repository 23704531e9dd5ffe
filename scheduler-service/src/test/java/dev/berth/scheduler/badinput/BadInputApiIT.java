package dev.berth.scheduler.badinput;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a new user sent by mistake: a fraction for a whole number, a misspelt field, a word for a
 * number, a truncated body, a number too large, ECS fields Berth does not have. Each is a 400
 * whose message names the field (or the line and column), and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class BadInputApiIT {

    private static final String DEFINITIONS = "/api/scheduler/v1/task-definitions";

    private static String family() {
        return "bad-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String definition(String family, String containerExtra, String taskExtra) {
        return """
                {"family": "%s", %s "containerDefinitions": [{"name": "web", "image": "busybox", "memory": 64,
                 %s "essential": true}]}
                """.formatted(family, taskExtra, containerExtra);
    }

    private static void nothingRegistered(String family) {
        as("acme-viewer").queryParam("familyPrefix", family).get(DEFINITIONS).then().statusCode(200)
                .body("taskDefinitionArns", empty());
    }

    @Test
    void aFractionIsNoWholeNumber() {
        String family = family();
        as("acme-deployer").body(definition(family, "\"cpu\": 64.5,", "")).post(DEFINITIONS).then()
                .statusCode(400)
                .body("code", equalTo("ClientException"))
                .body("message", startsWith("containerDefinitions[0].cpu: must be a whole number"));
        nothingRegistered(family);
    }

    @Test
    void aMisspeltFieldIsRefusedByName() {
        String family = family();
        as("acme-deployer").body(definition(family, "\"memroy\": 128,", "")).post(DEFINITIONS).then()
                .statusCode(400)
                .body("message", startsWith("containerDefinitions[0].memroy: unknown field"));
        as("acme-deployer").body(definition(family, "", "\"netwrokMode\": \"bridge\",")).post(DEFINITIONS).then()
                .statusCode(400)
                .body("message", startsWith("netwrokMode: unknown field"));
        nothingRegistered(family);
    }

    @Test
    void ecsFieldsBerthDoesNotRunAreRefusedWhenSetAndAcceptedWhenEmpty() {
        String family = family();
        as("acme-deployer").body(definition(family, "", "\"volumes\": [{\"name\": \"data\"}],")).post(DEFINITIONS)
                .then().statusCode(400)
                .body("message", equalTo("volumes: not supported by Berth; leave it out"));
        as("acme-deployer").body(definition(family,
                        "\"mountPoints\": [{\"sourceVolume\": \"data\", \"containerPath\": \"/data\"}],", ""))
                .post(DEFINITIONS).then().statusCode(400)
                .body("message", equalTo("containerDefinitions[0].mountPoints: not supported by Berth; leave it out"));
        as("acme-deployer").body(definition(family, "\"secrets\": [{\"name\": \"DB\", \"valueFrom\": \"arn:x\"}],", ""))
                .post(DEFINITIONS).then().statusCode(400)
                .body("message", startsWith("containerDefinitions[0].secrets: not supported"));
        nothingRegistered(family);
        // what AWS's own examples carry, empty or harmless, registers
        as("acme-deployer").body(definition(family,
                        "\"mountPoints\": [], \"volumesFrom\": [], \"secrets\": [], \"startTimeout\": 30, "
                                + "\"hostname\": \"web\", \"disableNetworking\": false, \"readonlyRootFilesystem\": false, "
                                + "\"interactive\": false, \"pseudoTerminal\": false, \"ulimits\": [],",
                        "\"volumes\": [], \"placementConstraints\": [], \"executionRoleArn\": null, "
                                + "\"runtimePlatform\": {\"operatingSystemFamily\": \"LINUX\", \"cpuArchitecture\": \"X86_64\"},"))
                .post(DEFINITIONS).then().statusCode(201)
                .body("taskDefinition.revision", equalTo(1));
    }

    @Test
    void aWordForANumberNamesTheField() {
        String cluster = newCluster();
        as("acme-deployer").body("{\"serviceName\": \"web\", \"taskDefinition\": \"x\", \"desiredCount\": \"four\"}")
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterException"))
                .body("message", allOf(startsWith("desiredCount: must be a whole number"), containsString("\"four\"")));
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/services/web").then().statusCode(404);
    }

    @Test
    void aNumberTooLargeNamesTheFieldAndItsPosition() {
        String cluster = newCluster();
        as("acme-deployer").body("{\"serviceName\": \"web\",\n \"desiredCount\": 99999999999}")
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then()
                .statusCode(400)
                .body("message", allOf(startsWith("desiredCount: the number 99999999999 is out of range"),
                        containsString("line 2")));
    }

    @Test
    void aTruncatedBodyNamesTheLineAndColumn() {
        String cluster = newCluster();
        as("acme-deployer").body("{\"serviceName\": \"web\", \"desiredCount\": 4")
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then()
                .statusCode(400)
                .body("message", allOf(startsWith("body: the JSON ends early"), containsString("line 1, column")));
        as("acme-deployer").body("{\"family\": \"x\", \"containerDefinitions\": [")
                .post(DEFINITIONS).then()
                .statusCode(400)
                .body("message", allOf(startsWith("body: the JSON ends early"), containsString("line 1, column")));
    }

    @Test
    void aMisspeltServiceFieldIsRefused() {
        String cluster = newCluster();
        String services = "/api/scheduler/v1/clusters/" + cluster + "/services";
        as("acme-deployer").body("{\"serviceName\": \"web\", \"taskDefinition\": \"x\", \"desiredCont\": 2}")
                .post(services).then().statusCode(400)
                .body("message", startsWith("desiredCont: unknown field"));
        as("acme-viewer").get(services + "/web").then().statusCode(404);
    }

    @Test
    void whatServicesCannotDoYetIsRefusedNotDropped() {
        String cluster = newCluster();
        String services = "/api/scheduler/v1/clusters/" + cluster + "/services";
        String definition = webTask(1, 6);
        as("acme-deployer").body("""
                        {"serviceName": "lb", "taskDefinition": "%s", "desiredCount": 0,
                         "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:x", "containerName": "web",
                                            "containerPort": 8080}]}
                        """.formatted(definition))
                .post(services).then().statusCode(400)
                .body("message", startsWith("loadBalancers: not supported"));
        as("acme-deployer").body("""
                        {"serviceName": "lb", "taskDefinition": "%s", "desiredCount": 0, "enableExecuteCommand": true}
                        """.formatted(definition))
                .post(services).then().statusCode(400)
                .body("message", startsWith("enableExecuteCommand: not supported"));
        as("acme-deployer").body("""
                        {"serviceName": "lb", "taskDefinition": "%s", "desiredCount": 2147483647}
                        """.formatted(definition))
                .post(services).then().statusCode(400)
                .body("message", startsWith("desiredCount: at most 5000"));
        as("acme-viewer").get(services + "/lb").then().statusCode(404);
        as("acme-deployer").body("""
                        {"serviceName": "lb", "taskDefinition": "%s", "desiredCount": 0, "loadBalancers": [],
                         "enableExecuteCommand": false}
                        """.formatted(definition))
                .post(services).then().statusCode(200);
        as("acme-deployer").body("{\"enableExecuteCommand\": true}").put(services + "/lb").then().statusCode(400)
                .body("message", startsWith("enableExecuteCommand: not supported"));
        as("acme-deployer").body("{\"desiredCount\": 2147483647}").put(services + "/lb").then().statusCode(400)
                .body("message", startsWith("desiredCount: at most 5000"));
    }
}
