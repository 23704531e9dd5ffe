package dev.berth.scheduler.errors;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One code means one status: a name in the path that does not exist is 404 with a not-found
 * code, bad input is 400 naming the field, in the message and on its own.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ErrorCodesApiIT {

    @Test
    void aMissingTaskIsNotFound() {
        String cluster = newCluster();
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("ResourceNotFoundException"));
    }

    @Test
    void aForgedListTasksTokenIsRefusedByName() {
        String cluster = newCluster();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("no position".getBytes(StandardCharsets.UTF_8));
        as("acme-viewer").queryParam("nextToken", forged).get("/api/scheduler/v1/clusters/" + cluster + "/tasks").then()
                .statusCode(400).body("code", equalTo("InvalidParameterException")).body("field", equalTo("nextToken"));
    }

    @Test
    void aMissingTaskDefinitionIsNotFound() {
        String family = "missing-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-viewer").get("/api/scheduler/v1/task-definitions/" + family).then()
                .statusCode(404).body("code", equalTo("ResourceNotFoundException"));
        as("acme-deployer").delete("/api/scheduler/v1/task-definitions/" + family + ":1").then()
                .statusCode(404).body("code", equalTo("ResourceNotFoundException"));
    }

    @Test
    void aBadScheduleNamesItsFieldOnce() {
        String cluster = newCluster();
        as("acme-deployer").body(Map.of("scheduleExpression", "rate(0 minutes)", "taskDefinition", webTask(128, 128)))
                .put("/api/scheduler/v1/clusters/" + cluster + "/scheduled-tasks/bad").then().statusCode(400)
                .body("code", equalTo("InvalidParameterException"))
                .body("field", equalTo("scheduleExpression"))
                .body("message", startsWith("scheduleExpression: 'rate(0 minutes)'"));
    }

    @Test
    void aBadConstraintNamesItsPlace() {
        String cluster = newCluster();
        as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128),
                        "placementConstraints", List.of(Map.of("type", "memberOf", "expression", "attribute:a =="))))
                .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(400)
                .body("code", equalTo("InvalidParameterException"))
                .body("field", equalTo("placementConstraints[0]"));
        as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128),
                        "placementStrategy", List.of(Map.of("type", "binpack", "field", "disk"))))
                .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(400)
                .body("field", equalTo("placementStrategy[0]"));
    }

    @Test
    void aTaskDefinitionErrorIsAClientErrorNamingTheField() {
        String family = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-deployer").body("{\"family\": \"" + family + "\", \"containerDefinitions\": "
                        + "[{\"name\": \"web\", \"image\": \"busybox\", \"memory\": -1}]}")
                .post("/api/scheduler/v1/task-definitions").then().statusCode(400)
                .body("code", equalTo("ClientException"))
                .body("field", startsWith("containerDefinitions[0]"));
    }
}
