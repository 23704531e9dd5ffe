package dev.berth.scheduler.tags;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ECS's tags: given when clusters, task definitions, services and tasks are made, propagated to
 * tasks (propagateTags), changed with TagResource / UntagResource, read with
 * ListTagsForResource, within ECS's limits.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class TagsApiIT {

    private static final String TAGS = "/api/scheduler/v1/tags";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Map<String, String> tag(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    private static List<Map<String, String>> tagsOf(String arn) {
        return as("acme-viewer").queryParam("resourceArn", arn).get(TAGS).then().statusCode(200)
                .extract().jsonPath().getList("tags");
    }

    private static String definitionWithTags(String family) {
        return as("acme-deployer").body("""
                        {"family": "%s", "containerDefinitions": [{"name": "web", "image": "busybox", "cpu": 1,
                         "memory": 6, "essential": true}], "tags": [{"key": "app", "value": "shop"}]}
                        """.formatted(family))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(201)
                .body("tags", equalTo(List.of(tag("app", "shop"))))
                .extract().path("taskDefinition.taskDefinitionArn");
    }

    @Test
    void resourcesAreTaggedWhenMadeAndByTheTaggingActions() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String cluster = as("acme-admin").body(Map.of("clusterName", name, "tags", List.of(tag("team", "web"))))
                .post("/api/scheduler/v1/clusters").then().statusCode(200)
                .body("cluster.tags", equalTo(List.of(tag("team", "web"))))
                .extract().path("cluster.clusterArn");
        assertEquals(List.of(tag("team", "web")), tagsOf(cluster));
        as("acme-viewer").queryParam("include", "TAGS").get("/api/scheduler/v1/clusters/" + name).then().statusCode(200)
                .body("cluster.tags", equalTo(List.of(tag("team", "web"))));
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + name).then().statusCode(200)
                .body("cluster.tags", org.hamcrest.Matchers.nullValue());
        as("acme-viewer").queryParam("include", "STATISTICS").get("/api/scheduler/v1/clusters/" + name).then()
                .statusCode(400).body("message", startsWith("include: TAGS is what Berth adds"));

        String definition = definitionWithTags("tagged-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(List.of(tag("app", "shop")), tagsOf(definition));
        as("acme-viewer").get("/api/scheduler/v1/task-definitions/" + definition.substring(definition.lastIndexOf('/') + 1))
                .then().statusCode(200).body("taskDefinition.tags", org.hamcrest.Matchers.nullValue())
                .body("tags", org.hamcrest.Matchers.nullValue());
        as("acme-viewer").queryParam("include", "TAGS")
                .get("/api/scheduler/v1/task-definitions/" + definition.substring(definition.lastIndexOf('/') + 1))
                .then().statusCode(200).body("tags", equalTo(List.of(tag("app", "shop"))));

        String service = as("acme-deployer").body(Map.of("serviceName", "web", "taskDefinition", definition,
                        "desiredCount", 0, "tags", List.of(tag("env", "test"), tag("owner", "")),
                        "propagateTags", "SERVICE"))
                .post("/api/scheduler/v1/clusters/" + name + "/services").then().statusCode(200)
                .body("service.propagateTags", equalTo("SERVICE"))
                .body("service.tags", equalTo(List.of(tag("env", "test"), tag("owner", ""))))
                .extract().path("service.serviceArn");

        as("acme-deployer").body(Map.of("resourceArn", service, "tags", List.of(tag("env", "prod"), tag("cost", "42"))))
                .post(TAGS).then().statusCode(200);
        as("acme-deployer").body(Map.of("resourceArn", service, "tagKeys", List.of("owner")))
                .post(TAGS + "/untag").then().statusCode(200);
        assertEquals(List.of(tag("cost", "42"), tag("env", "prod")), tagsOf(service));
        as("acme-deployer").body(Map.of("propagateTags", "NONE")).put("/api/scheduler/v1/clusters/" + name + "/services/web")
                .then().statusCode(200).body("service.propagateTags", equalTo("NONE"));
    }

    @Test
    void tasksTakeTheirTagsFromTheTaskDefinitionOrTheService() {
        String cluster = newCluster();
        String definition = definitionWithTags("prop-" + UUID.randomUUID().toString().substring(0, 8));
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String run = as("acme-deployer").body(Map.of("taskDefinition", definition, "propagateTags", "TASK_DEFINITION",
                            "tags", List.of(tag("run", "1"), tag("app", "mine"))))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                    .body("tasks", hasSize(1)).extract().path("tasks[0].taskArn");
            assertEquals(List.of(tag("app", "mine"), tag("run", "1")), tagsOf(run));
            String runId = run.substring(run.lastIndexOf('/') + 1);
            as("acme-viewer").queryParam("include", "TAGS").get("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + runId)
                    .then().statusCode(200).body("task.tags", equalTo(List.of(tag("app", "mine"), tag("run", "1"))));
            as("acme-viewer").body(Map.of("tasks", List.of(run), "include", List.of("TAGS")))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks/describe")
                    .then().statusCode(200).body("tasks[0].tags", equalTo(List.of(tag("app", "mine"), tag("run", "1"))));

            as("acme-deployer").body(Map.of("serviceName", "web", "taskDefinition", definition, "desiredCount", 1,
                            "tags", List.of(tag("env", "test")), "propagateTags", "SERVICE"))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/services").then().statusCode(200);
            List<String> serviceTasks = new ArrayList<>();
            a.await("the service's task", () -> {
                serviceTasks.clear();
                serviceTasks.addAll(as("acme-viewer").queryParam("serviceName", "web")
                        .get("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().extract().jsonPath()
                        .getList("taskArns", String.class));
                return serviceTasks.size() == 1;
            }, WAIT);
            assertEquals(List.of(tag("env", "test")), tagsOf(serviceTasks.get(0)));

            as("acme-deployer").body(Map.of("taskDefinition", definition, "propagateTags", "SERVICE"))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(400)
                    .body("message", startsWith("propagateTags: SERVICE applies to the tasks of a service"));
            as("acme-deployer").body(Map.of("desiredCount", 0)).put("/api/scheduler/v1/clusters/" + cluster + "/services/web")
                    .then().statusCode(200);
        }
    }

    @Test
    void ecsLimitsAreKeptAndNothingIsHalfWritten() {
        String name = "l-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        List<Map<String, String>> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(tag("k50", "v"));
        as("acme-admin").body(Map.of("clusterName", name, "tags", fiftyOne)).post("/api/scheduler/v1/clusters").then()
                .statusCode(400).body("message", startsWith("tags: at most 50 tags"));
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + name).then().statusCode(404);
        as("acme-admin").body(Map.of("clusterName", name, "tags", List.of(tag("aws:team", "web"))))
                .post("/api/scheduler/v1/clusters").then()
                .statusCode(400).body("message", equalTo("tags[0].key: the prefix 'aws:' is reserved"));
        as("acme-admin").body(Map.of("clusterName", name, "tags", List.of(tag("k".repeat(129), "v"))))
                .post("/api/scheduler/v1/clusters").then()
                .statusCode(400).body("message", startsWith("tags[0].key: at most 128 characters"));
        as("acme-admin").body(Map.of("clusterName", name, "tags", List.of(tag("k", "v".repeat(257)))))
                .post("/api/scheduler/v1/clusters").then()
                .statusCode(400).body("message", startsWith("tags[0].value: at most 256 characters"));
        as("acme-admin").body(Map.of("clusterName", name, "tags", List.of(tag("a", "1"), tag("a", "2"))))
                .post("/api/scheduler/v1/clusters").then()
                .statusCode(400).body("message", startsWith("tags[1].key: 'a' is given twice"));
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + name).then().statusCode(404);

        String cluster = as("acme-admin").body(Map.of("clusterName", name, "tags", fifty))
                .post("/api/scheduler/v1/clusters").then().statusCode(200).extract().path("cluster.clusterArn");
        as("acme-deployer").body(Map.of("resourceArn", cluster, "tags", List.of(tag("one-more", "x")))).post(TAGS).then()
                .statusCode(400).body("message", startsWith("tags: the resource would have 51 tags"));
        assertEquals(50, tagsOf(cluster).size());
        as("acme-deployer").body(Map.of("resourceArn", cluster, "tags", List.of(tag("k0", "changed")))).post(TAGS).then()
                .statusCode(200);

        as("acme-viewer").queryParam("resourceArn", "arn:berth:ecs::acme:cluster/no-such-cluster").get(TAGS).then()
                .statusCode(404).body("code", equalTo("ResourceNotFoundException"));
        as("globex-admin").queryParam("resourceArn", cluster).get(TAGS).then().statusCode(404);
        as("acme-viewer").queryParam("resourceArn", "arn:aws:s3:::bucket").get(TAGS).then()
                .statusCode(400).body("message", startsWith("resourceArn: 'arn:aws:s3:::bucket' is not the ARN"));
        as("acme-viewer").body(Map.of("resourceArn", cluster, "tags", List.of(tag("x", "y")))).post(TAGS).then()
                .statusCode(403);
    }
}
