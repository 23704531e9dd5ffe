package dev.berth.scheduler.tasks;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.register;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** run-task, start-task, stop-task and the task lifecycle with scripted hosts on the real agent channel. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class TasksApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String tasks(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster + "/tasks";
    }

    private static String id(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    private static String status(String cluster, String taskArn) {
        return as("acme-viewer").get(tasks(cluster) + "/" + id(taskArn))
                .then().statusCode(200).extract().path("task.lastStatus");
    }

    private static void awaitStatus(ScriptedHost host, String cluster, String taskArn, String expected) {
        host.await(taskArn + " " + expected, () -> expected.equals(status(cluster, taskArn)), WAIT);
    }

    @Test
    void runTaskStartsTasksThatReachRunningAndStopTaskStopsThem() throws Exception {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b");
             EventsReader taskEvents = EventsReader.atEndOf("berth.task-state")) {
            String definition = webTask(256, 512);
            List<String> arns = as("acme-deployer").body(Map.of("taskDefinition", definition, "count", 2,
                            "startedBy", "test", "placementStrategy",
                            List.of(Map.of("type", "spread", "field", "attribute:berth.availability-zone"))))
                    .post(tasks(cluster)).then().statusCode(200)
                    .body("failures", hasSize(0))
                    .body("tasks", hasSize(2))
                    .body("tasks.lastStatus", everyItem(equalTo("PROVISIONING")))
                    .body("tasks.desiredStatus", everyItem(equalTo("RUNNING")))
                    .body("tasks.taskDefinitionArn", everyItem(equalTo(definition)))
                    .body("tasks.containers[0][0].networkBindings[0].hostPort", notNullValue())
                    .extract().path("tasks.taskArn");
            for (String arn : arns) {
                awaitStatus(a, cluster, arn, "RUNNING");
            }
            // spread by zone: one task on each host
            assertEquals(1, a.running());
            assertEquals(1, b.running());
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster).then()
                    .body("cluster.registeredContainerInstancesCount", equalTo(2))
                    .body("cluster.runningTasksCount", equalTo(2));
            as("acme-admin").delete("/api/scheduler/v1/clusters/" + cluster).then().statusCode(400)
                    .body("code", equalTo("ClusterContainsContainerInstancesException"));
            String arn = arns.get(0);
            as("acme-viewer").get(tasks(cluster) + "/" + id(arn)).then()
                    .body("task.startedBy", equalTo("test"))
                    .body("task.group", equalTo("family:" + definition.substring(definition.lastIndexOf('/') + 1,
                            definition.lastIndexOf(':'))))
                    .body("task.containers[0].lastStatus", equalTo("RUNNING"))
                    .body("task.startedAt", notNullValue());
            as("acme-viewer").queryParam("startedBy", "test").get(tasks(cluster)).then()
                    .body("taskArns", hasSize(2));

            as("acme-deployer").body(Map.of("reason", "done testing")).post(tasks(cluster) + "/" + id(arn) + "/stop").then()
                    .statusCode(200).body("task.desiredStatus", equalTo("STOPPED"))
                    .body("task.stoppedReason", equalTo("done testing"));
            awaitStatus(a, cluster, arn, "STOPPED");
            as("acme-viewer").get(tasks(cluster) + "/" + id(arn)).then()
                    .body("task.stopCode", equalTo("UserInitiated"))
                    .body("task.stoppedAt", notNullValue())
                    .body("task.containers[0].exitCode", equalTo(0));
            as("acme-viewer").queryParam("desiredStatus", "STOPPED").get(tasks(cluster)).then()
                    .body("taskArns", equalTo(List.of(arn)));

            List<EventsReader.Event> events = taskEvents.read(e -> arn.equals(e.value().path("detail").path("taskArn").asText()),
                    6, WAIT);
            // as in ECS, events may arrive out of order: detail.version orders them
            events = events.stream().sorted(Comparator.comparingLong(e -> e.value().path("detail").path("version").asLong()))
                    .toList();
            List<String> statuses = events.stream().map(e -> e.value().path("detail").path("lastStatus").asText()
                    + "/" + e.value().path("detail").path("desiredStatus").asText()).toList();
            assertEquals(List.of("PROVISIONING/RUNNING", "PENDING/RUNNING", "ACTIVATING/RUNNING", "RUNNING/RUNNING",
                    "RUNNING/STOPPED", "STOPPED/STOPPED"), statuses);
            assertEquals("ECS Task State Change", events.get(0).value().path("type").asText());
        }
    }

    @Test
    void nothingFitsGivesEcsFailuresPerHost() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, 1024, 512, Map.of()); ScriptedHost b = host(cluster, 256, 4096, Map.of())) {
            as("acme-deployer").body(Map.of("taskDefinition", webTask(512, 1024))).post(tasks(cluster)).then()
                    .statusCode(200)
                    .body("tasks", hasSize(0))
                    .body("failures", hasSize(2))
                    .body("failures.reason", hasItem("RESOURCE:MEMORY"))
                    .body("failures.reason", hasItem("RESOURCE:CPU"))
                    .body("failures.arn", hasItem(containsString(a.hostId())));
            as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "placementConstraints",
                            List.of(Map.of("type", "memberOf", "expression", "attribute:berth.availability-zone == zone-z"))))
                    .post(tasks(cluster)).then().statusCode(200)
                    .body("failures.reason", everyItem(equalTo("MissingAttribute")));
            as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "count", 11)).post(tasks(cluster)).then()
                    .statusCode(400).body("message", containsString("count"));
            as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "placementConstraints",
                            List.of(Map.of("type", "memberOf", "expression", "attribute:x =="))))
                    .post(tasks(cluster)).then().statusCode(400)
                    .body("message", containsString("placementConstraints[0]"));
            as("acme-viewer").body(Map.of("taskDefinition", webTask(128, 128))).post(tasks(cluster)).then().statusCode(403);
            String retired = webTask(128, 128);
            as("acme-deployer").delete("/api/scheduler/v1/task-definitions/" + retired.substring(retired.indexOf("/") + 1))
                    .then().statusCode(200);
            as("acme-deployer").body(Map.of("taskDefinition", retired)).post(tasks(cluster)).then().statusCode(400)
                    .body("message", containsString("INACTIVE"));
        }
    }

    @Test
    void concurrentRunTasksNeverOverCommitAHost() throws Exception {
        String cluster = newCluster();
        try (ScriptedHost only = host(cluster, 4096, 1024, Map.of())) {
            String definition = webTask(128, 256);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> as("acme-deployer")
                        .body(Map.of("taskDefinition", definition)).post(tasks(cluster)).then().statusCode(200)
                        .extract().<List<?>>path("tasks").size(), pool));
            }
            int started = calls.stream().mapToInt(CompletableFuture::join).sum();
            pool.shutdown();
            assertEquals(4, started, "1024 MiB hold exactly four 256 MiB tasks");
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + only.hostId())
                    .then().body("containerInstance.remainingResources.find { it.name == 'MEMORY' }.integerValue",
                            equalTo(0));
        }
    }

    @Test
    void concurrentRunTasksPlacedTogetherEachAnswerWithTheirOwnTasks() throws Exception {
        String cluster = newCluster();
        try (ScriptedHost only = host(cluster, 8192, 16384, Map.of())) {
            // no ports: every launch's plan is the same three tasks on the same host
            String definition = register("""
                    {"family": "worker-%s", "containerDefinitions": [{"name": "worker", "image": "busybox", "cpu": 64,
                     "memory": 128}]}""".formatted(cluster));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<CompletableFuture<List<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> as("acme-deployer")
                        .body(Map.of("taskDefinition", definition, "count", 3, "startedBy", "together"))
                        .post(tasks(cluster)).then().statusCode(200).extract().<List<String>>path("tasks.taskArn"), pool));
            }
            List<String> answered = new ArrayList<>();
            for (CompletableFuture<List<String>> call : calls) {
                List<String> arns = call.join();
                assertEquals(3, arns.size(), "each run-task of 3 answers with 3 tasks");
                answered.addAll(arns);
            }
            pool.shutdown();
            assertEquals(60, new HashSet<>(answered).size(), "no task is in two answers");
            List<String> listed = as("acme-viewer").queryParam("startedBy", "together").get(tasks(cluster))
                    .then().statusCode(200).extract().path("taskArns");
            assertEquals(new HashSet<>(answered), new HashSet<>(listed));
        }
    }

    @Test
    void aClientTokenStartsTasksOnceEvenWhenRequestsArriveTogether() throws Exception {
        String cluster = newCluster();
        try (ScriptedHost only = host(cluster, 4096, 8192, Map.of())) {
            String definition = webTask(64, 128);
            Map<String, Object> request = Map.of("taskDefinition", definition, "count", 2, "startedBy", "retried",
                    "clientToken", "deploy-42");
            List<String> first = as("acme-deployer").body(request).post(tasks(cluster)).then().statusCode(200)
                    .body("tasks", hasSize(2)).extract().path("tasks.taskArn");
            as("acme-deployer").body(request).post(tasks(cluster)).then().statusCode(200)
                    .body("tasks.taskArn", equalTo(first));
            as("acme-deployer").body(Map.of("taskDefinition", definition, "count", 1, "clientToken", "deploy-42"))
                    .post(tasks(cluster)).then().statusCode(400).body("message", containsString("clientToken"));

            Map<String, Object> together = Map.of("taskDefinition", definition, "count", 1, "startedBy", "together",
                    "clientToken", "deploy-43");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<CompletableFuture<List<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> as("acme-deployer").body(together).post(tasks(cluster))
                        .then().statusCode(200).extract().<List<String>>path("tasks.taskArn"), pool));
            }
            Set<List<String>> answers = new HashSet<>();
            calls.forEach(call -> answers.add(call.join()));
            pool.shutdown();
            assertEquals(1, answers.size(), "every request under one token gets the same answer");
            as("acme-viewer").queryParam("startedBy", "together").get(tasks(cluster)).then()
                    .body("taskArns", equalTo(answers.iterator().next()));
        }
    }

    @Test
    void startTaskRunsOnTheNamedHostOnly() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b")) {
            as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "containerInstances", List.of(b.hostId())))
                    .post(tasks(cluster) + "/start").then().statusCode(200)
                    .body("tasks", hasSize(1))
                    .body("tasks[0].containerInstanceArn", containsString(b.hostId()));
            as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "containerInstances", List.of("h-nothere")))
                    .post(tasks(cluster) + "/start").then().statusCode(200)
                    .body("failures[0].reason", equalTo("MISSING"));
        }
    }

    @Test
    void commandsQueuedWhileAHostIsAwayArriveOnceAfterItReconnects() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            List<String> arns = as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "count", 3))
                    .post(tasks(cluster)).then().statusCode(200).extract().path("tasks.taskArn");
            for (String arn : arns) {
                awaitStatus(a, cluster, arn, "RUNNING");
            }
            a.dropConnection();
            for (String arn : arns) {
                as("acme-deployer").body(Map.of("reason", "while away")).post(tasks(cluster) + "/" + id(arn) + "/stop")
                        .then().statusCode(200);
            }
            a.await("reconnect", () -> a.connects() >= 2, WAIT);
            for (String arn : arns) {
                awaitStatus(a, cluster, arn, "STOPPED");
            }
            List<Long> seqs = a.commands().stream().map(AgentMessage.Command::seq).toList();
            assertEquals(seqs.size(), new HashSet<>(seqs).size(), "no command twice: " + seqs);
            assertEquals(6, seqs.size(), "3 starts and 3 stops: " + seqs);
            a.await("all reports acknowledged", () -> a.unacknowledgedReports() == 0, WAIT);
        }
    }

    @Test
    void aTaskTheAgentNoLongerListsWhenItReconnectsIsStopped() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            List<String> arns = as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128), "count", 2))
                    .post(tasks(cluster)).then().statusCode(200).extract().path("tasks.taskArn");
            for (String arn : arns) {
                awaitStatus(a, cluster, arn, "RUNNING");
            }
            a.forget(arns.get(0));
            a.dropConnection();
            a.await("reconnect", () -> a.connects() >= 2, WAIT);
            awaitStatus(a, cluster, arns.get(0), "STOPPED");
            as("acme-viewer").get(tasks(cluster) + "/" + id(arns.get(0))).then()
                    .body("task.stopCode", equalTo("HostLost"))
                    .body("task.stoppedReason", containsString("lost its state"));
            assertEquals("RUNNING", status(cluster, arns.get(1)), "the task it still lists runs on");
        }
    }

    @Test
    void aHostThatStopsBeatingIsLostAndItsTasksStop() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String arn = as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128)))
                    .post(tasks(cluster)).then().statusCode(200).extract().path("tasks[0].taskArn");
            awaitStatus(a, cluster, arn, "RUNNING");
            a.stopHeartbeats();
            awaitStatus(a, cluster, arn, "STOPPED");
            as("acme-viewer").get(tasks(cluster) + "/" + id(arn)).then()
                    .body("task.stopCode", equalTo("HostLost"))
                    .body("task.stoppedReason", containsString("heartbeats"));
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + a.hostId())
                    .then().body("containerInstance.agentConnected", equalTo(false));
        }
    }

    /**
     * The scheduler keeps each cluster's placement state between run-tasks; changes made through
     * other paths (attributes, a stop, a new host) must reach it before the next placement.
     */
    @Test
    void placementFollowsChangesMadeSinceThePreviousPlacement() {
        String cluster = newCluster();
        String attributes = "/api/scheduler/v1/clusters/" + cluster + "/attributes";
        try (ScriptedHost a = host(cluster, 1024, 1024, Map.of()); ScriptedHost b = host(cluster, 1024, 4096, Map.of())) {
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "tier", "value", "gold", "targetId", a.hostId()))))
                    .put(attributes).then().statusCode(200);
            String gold = webTask(128, 512);
            Map<String, Object> onGold = Map.of("taskDefinition", gold, "placementConstraints",
                    List.of(Map.of("type", "memberOf", "expression", "attribute:tier == gold")));
            String first = as("acme-deployer").body(onGold).post(tasks(cluster)).then().statusCode(200)
                    .body("tasks[0].containerInstanceArn", containsString(a.hostId())).extract().path("tasks[0].taskArn");
            // gold moves from a to b: a still has room, so only a state that heard of the move sends the task to b
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "tier", "targetId", a.hostId()))))
                    .post(attributes + "/delete").then().statusCode(200);
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "tier", "value", "gold", "targetId", b.hostId()))))
                    .put(attributes).then().statusCode(200);
            as("acme-deployer").body(onGold).post(tasks(cluster)).then().statusCode(200)
                    .body("tasks[0].containerInstanceArn", containsString(b.hostId()));
            // a fills up, then a stop gives room back and the next run-task finds it
            Map<String, Object> onA = Map.of("taskDefinition", gold, "placementConstraints",
                    List.of(Map.of("type", "memberOf", "expression", "ec2InstanceId == " + a.hostId())));
            as("acme-deployer").body(onA).post(tasks(cluster)).then().statusCode(200).body("tasks", hasSize(1));
            as("acme-deployer").body(onA).post(tasks(cluster)).then().statusCode(200)
                    .body("tasks", hasSize(0)).body("failures.reason", hasItem("RESOURCE:MEMORY"));
            as("acme-deployer").body(Map.of()).post(tasks(cluster) + "/" + id(first) + "/stop").then().statusCode(200);
            awaitStatus(a, cluster, first, "STOPPED");
            as("acme-deployer").body(onA).post(tasks(cluster)).then().statusCode(200).body("tasks", hasSize(1));
            // a host that joins now takes tasks at once
            try (ScriptedHost c = host(cluster, 1024, 4096, Map.of("tier", "platinum"))) {
                as("acme-deployer").body(Map.of("taskDefinition", gold, "placementConstraints",
                                List.of(Map.of("type", "memberOf", "expression", "attribute:tier == platinum"))))
                        .post(tasks(cluster)).then().statusCode(200)
                        .body("tasks[0].containerInstanceArn", containsString(c.hostId()));
            }
        }
    }
}
