package dev.berth.scheduler.tasks;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.containsString;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** overrides.taskRoleArn is held to the rule of a task definition's taskRoleArn: a role of the caller's own tenant. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class TaskRoleOverrideApiIT {

    @Test
    void anOverrideNamingAnotherTenantsRoleIsRefusedLikeARegistration() {
        String cluster = newCluster();
        String tasks = "/api/scheduler/v1/clusters/" + cluster + "/tasks";
        String foreign = "arn:berth:iam::globex:role/admin";
        as("acme-deployer").body("""
                {"family": "role-%s", "taskRoleArn": "%s",
                 "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 64}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 6), foreign))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(400)
                .body("message", containsString("taskRoleArn"));
        String definition = webTask(1, 6);
        try (ScriptedHost host = host(cluster, "zone-a")) {
            as("acme-deployer").body(Map.of("taskDefinition", definition, "overrides", Map.of("taskRoleArn", foreign)))
                    .post(tasks).then().statusCode(400).body("message", containsString("overrides.taskRoleArn"));
            as("acme-deployer").body(Map.of("taskDefinition", definition, "containerInstances", List.of(host.hostId()),
                            "overrides", Map.of("taskRoleArn", foreign)))
                    .post(tasks + "/start").then().statusCode(400).body("message", containsString("overrides.taskRoleArn"));
            as("acme-deployer").body(Map.of("taskDefinition", definition, "overrides", Map.of("taskRoleArn", 42)))
                    .post(tasks).then().statusCode(400).body("message", containsString("overrides.taskRoleArn"));
        }
    }
}
