package dev.berth.scheduler.services;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A service wants at most berth.scheduler.services.max-desired-count tasks (5,000); RunTask starts at most 10. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class DesiredCountLimitIT {

    @Test
    void aDesiredCountAboveTheLimitIsRefusedAndNothingIsStored() {
        String cluster = newCluster();
        String services = "/api/scheduler/v1/clusters/" + cluster + "/services";
        String definition = webTask(1, 6);
        String name = "big-" + UUID.randomUUID().toString().substring(0, 6);
        as("acme-deployer").body(Map.of("serviceName", name, "taskDefinition", definition, "desiredCount", 5_001))
                .post(services).then().statusCode(400)
                .body("message", allOf(containsString("desiredCount"), containsString("5000")));
        as("acme-viewer").get(services + "/" + name).then().statusCode(404);

        as("acme-deployer").body(Map.of("serviceName", name, "taskDefinition", definition, "desiredCount", 0))
                .post(services).then().statusCode(200);
        as("acme-deployer").body(Map.of("desiredCount", 1_000_000)).put(services + "/" + name).then().statusCode(400)
                .body("message", allOf(containsString("desiredCount"), containsString("5000")));
        as("acme-viewer").get(services + "/" + name).then().statusCode(200).body("service.desiredCount", equalTo(0));
        as("acme-deployer").body(Map.of("desiredCount", 5_000)).put(services + "/" + name).then().statusCode(200)
                .body("service.desiredCount", equalTo(5_000));
        as("acme-deployer").body(Map.of("desiredCount", 0)).put(services + "/" + name).then().statusCode(200);

        as("acme-deployer").body(Map.of("taskDefinition", definition, "count", 11))
                .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(400)
                .body("message", containsString("count"));
    }
}
