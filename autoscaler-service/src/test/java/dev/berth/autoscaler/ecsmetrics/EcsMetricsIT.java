package dev.berth.autoscaler.ecsmetrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.autoscaler.ecsmetrics.EcsWindowInput.TenantCluster;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsWriter;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * End to end on real Kafka and PostgreSQL: a host and task state changes on berth.task-state and
 * berth.host-state and agents' MetricBatch envelopes on berth.metrics, as the scheduler publishes them,
 * become AWS/ECS and Container Insights datapoints once the window closes (10 s windows, the default
 * high-resolution option), answered by GetMetricStatistics like any metric.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class EcsMetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "acme";
    private static final String VIEWER = "acme-viewer";
    private static final Duration WINDOW = EcsMetricsAggregator.HIGH_RESOLUTION_WINDOW;

    @Inject
    EcsStateStore store;

    private final String cluster = "ecs-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String host = "host-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void runningTasksOfAServiceGiveItsCpuAndMemoryUtilizationOnceTheWindowCloses() throws Exception {
        Instant started = Instant.now().minusSeconds(60);
        try (EventsWriter events = EventsWriter.open()) {
            events.send("berth.host-state", host, JSON.writeValueAsString(hostChange(2048, 1024, 4096, 3584)));
            events.send("berth.task-state", "t-web-1", JSON.writeValueAsString(taskChange("t-web-1", "web", "RUNNING", started)));
            events.send("berth.task-state", "t-web-2", JSON.writeValueAsString(taskChange("t-web-2", "web", "RUNNING", started)));
            events.send("berth.task-state", "t-worker-1",
                    JSON.writeValueAsString(taskChange("t-worker-1", "worker", "PENDING", null)));
            await(() -> {
                long ours = store.tasks(Instant.now()).await().indefinitely().stream()
                        .filter(t -> t.cluster().clusterName().equals(cluster)).count();
                return ours == 3 && store.hosts().await().indefinitely()
                        .containsKey(new TenantCluster(TENANT, cluster));
            }, "the cluster's hosts and tasks are stored");

            // a probe far ahead shows when the samples' consumer has caught up with the topic
            Instant probeAt = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
            String probeCluster = cluster + "-probe";
            events.send("berth.metrics", host, JSON.writeValueAsString(batch(host + "/metrics/0/4",
                    taskPoints(probeCluster, "web", "t-probe", probeAt, 1, 1024, 1, 1))));
            await(() -> store.samples(probeAt, probeAt.plusSeconds(1)).await().indefinitely()
                    .containsKey(new TenantCluster(TENANT, probeCluster)), "the samples' consumer has caught up");

            // the next whole window: it cannot have closed before its samples are stored
            Instant window = DueWindows.floor(Instant.now(), WINDOW).plus(WINDOW);
            List<Map<String, Object>> points = new ArrayList<>();
            // t-web-1 twice in the window (its average counts: 256 units of 512, 100 MiB of 256)
            points.addAll(taskPoints(cluster, "web", "t-web-1", window.plusSeconds(1), 200, 512, 90, 256));
            points.addAll(taskPoints(cluster, "web", "t-web-1", window.plusSeconds(6), 312, 512, 110, 256));
            points.addAll(taskPoints(cluster, "web", "t-web-2", window.plusSeconds(2), 128, 512, 28, 256));
            // a task that is not RUNNING: its samples count nowhere
            points.addAll(taskPoints(cluster, "worker", "t-worker-1", window.plusSeconds(2), 900, 512, 200, 256));
            // the host's own points, as the agent sends them
            Map<String, String> hostDims = Map.of("ClusterName", cluster, "ContainerInstanceId", host);
            points.add(point("CPUUtilization", hostDims, 18.75, "Percent", window.plusSeconds(2)));
            points.add(point("MemoryUtilization", hostDims, 3.125, "Percent", window.plusSeconds(2)));
            points.add(point("LoadAverage1Minute", hostDims, 0.42, "None", window.plusSeconds(2)));
            events.send("berth.metrics", host, JSON.writeValueAsString(batch(host + "/metrics/1/" + points.size(), points)));

            Instant minute = window.truncatedTo(ChronoUnit.MINUTES);
            List<Map<String, String>> web = List.of(dim("ClusterName", cluster), dim("ServiceName", "web"));
            JsonPath webCpu = awaitDatapoints("AWS/ECS", "CPUUtilization", web, minute, 60);

            // (256 + 128) / (512 + 512) × 100
            assertEquals(List.of(37.5), values(webCpu, "Average"), webCpu.prettify());
            assertEquals("Percent", webCpu.getString("Datapoints[0].Unit"));
            // (100 + 28) / (256 + 256) × 100
            assertEquals(List.of(25.0), values(stats("AWS/ECS", "MemoryUtilization", web, minute, 60), "Average"));
            // at 10 s resolution, the datapoint is the window's
            JsonPath fine = stats("AWS/ECS", "CPUUtilization", web, window, 10);
            assertEquals(List.of(37.5), values(fine, "Average"));
            assertEquals(window.toString(), Instant.parse(fine.getString("Datapoints[0].Timestamp")).toString());

            List<Map<String, String>> clusterOnly = List.of(dim("ClusterName", cluster));
            // the cluster: 384 used of 2048 registered; 1024 of 2048 reserved
            assertEquals(List.of(18.75), values(stats("AWS/ECS", "CPUUtilization", clusterOnly, minute, 60), "Average"));
            assertEquals(List.of(50.0), values(stats("AWS/ECS", "CPUReservation", clusterOnly, minute, 60), "Average"));
            assertEquals(List.of(384.0), values(stats("ECS/ContainerInsights", "CpuUtilized",
                    List.of(dim("ClusterName", cluster), dim("TaskDefinitionFamily", "web")), minute, 60), "Sum"));
            assertEquals(List.of(2.0), values(stats("ECS/ContainerInsights", "RunningTaskCount", web, window, 10), "Sum"));
            List<Map<String, String>> worker = List.of(dim("ClusterName", cluster), dim("ServiceName", "worker"));
            assertEquals(List.of(1.0), values(stats("ECS/ContainerInsights", "PendingTaskCount", worker, window, 10),
                    "Sum"));

            // no RUNNING task: no datapoint (written in the same batch as web's, so it would be there by now)
            assertEquals(List.of(), stats("AWS/ECS", "CPUUtilization", worker, minute, 60).getList("Datapoints"));

            // host-level metrics: the agents' points as they came, through the store's own ingestion
            List<Map<String, String>> hostQuery = List.of(dim("ClusterName", cluster), dim("ContainerInstanceId", host));
            JsonPath load = awaitDatapoints("Berth/ECS", "LoadAverage1Minute", hostQuery, minute, 60);
            assertEquals(List.of(0.42), values(load, "Maximum"));
            assertEquals(List.of(18.75), values(stats("Berth/ECS", "CPUUtilization", hostQuery, minute, 60), "Average"));
            assertEquals(List.of(3.125), values(stats("Berth/ECS", "MemoryUtilization", hostQuery, minute, 60),
                    "Average"));
        } finally {
            stopEverything();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangeDeliveredAgainNeverUndoesANewerOne() throws Exception {
        Instant started = Instant.now().minusSeconds(60);
        TenantCluster ours = new TenantCluster(TENANT, cluster);
        try (EventsWriter events = EventsWriter.open()) {
            Map<String, Object> running = taskChange("t-1", "web", "RUNNING", started);
            Map<String, Object> stopped = taskChange("t-1", "web", "STOPPED", started);
            ((Map<String, Object>) stopped.get("detail")).put("version", 4);
            Map<String, Object> active = hostChange(2048, 2048, 4096, 4096);
            Map<String, Object> inactive = hostChange(2048, 2048, 4096, 4096);
            ((Map<String, Object>) ((Map<String, Object>) inactive.get("detail")).get("containerInstance"))
                    .put("status", "INACTIVE");
            inactive.put("time", Instant.now().plusSeconds(1).toString());
            events.send("berth.task-state", "t-1", JSON.writeValueAsString(running));
            events.send("berth.host-state", host, JSON.writeValueAsString(active));
            await(() -> store.tasks(Instant.now()).await().indefinitely().stream()
                    .anyMatch(t -> t.cluster().equals(ours)) && store.hosts().await().indefinitely().containsKey(ours),
                    "the task and host are stored");

            events.send("berth.task-state", "t-1", JSON.writeValueAsString(stopped));
            events.send("berth.host-state", host, JSON.writeValueAsString(inactive));
            // the older changes again, as a redelivery brings them, then a marker behind them on the same partitions
            events.send("berth.task-state", "t-1", JSON.writeValueAsString(running));
            events.send("berth.host-state", host, JSON.writeValueAsString(active));
            String marker = "t-marker-" + UUID.randomUUID().toString().substring(0, 8);
            events.send("berth.task-state", "t-1", JSON.writeValueAsString(taskChange(marker, "web", "PENDING", null)));
            events.send("berth.host-state", host, JSON.writeValueAsString(withHostId(hostChange(1, 1, 1, 1), host + "-m")));
            await(() -> store.tasks(Instant.now()).await().indefinitely().stream()
                    .anyMatch(t -> t.taskId().equals(marker)) && store.hosts().await().indefinitely()
                    .getOrDefault(ours, List.of()).stream().anyMatch(h -> h.containerInstanceId().equals(host + "-m")),
                    "the markers behind the redelivered changes are stored");

            List<EcsWindowInput.Task> tasks = store.tasks(Instant.now()).await().indefinitely().stream()
                    .filter(t -> t.cluster().equals(ours) && t.taskId().equals("t-1")).toList();
            assertEquals(List.of(), tasks, "t-1 stays STOPPED: the older RUNNING change does not bring it back");
            assertEquals(List.of(host + "-m"), store.hosts().await().indefinitely().get(ours).stream()
                    .map(HostCapacity::containerInstanceId).toList(), "the host stays INACTIVE");
        } finally {
            stopEverything();
        }
    }

    /** Stops what a test started, so that the job does not go on writing counts for its cluster. */
    @SuppressWarnings("unchecked")
    private void stopEverything() throws Exception {
        try (EventsWriter events = EventsWriter.open()) {
            for (EcsWindowInput.Task task : store.tasks(Instant.now()).await().indefinitely()) {
                if (task.cluster().clusterName().equals(cluster)) {
                    Map<String, Object> stopped = taskChange(task.taskId(), task.serviceName(), "STOPPED",
                            task.runningSince());
                    ((Map<String, Object>) stopped.get("detail")).put("version", 1000);
                    events.send("berth.task-state", task.taskId(), JSON.writeValueAsString(stopped));
                }
            }
            for (HostCapacity h : store.hosts().await().indefinitely()
                    .getOrDefault(new TenantCluster(TENANT, cluster), List.of())) {
                Map<String, Object> inactive = withHostId(hostChange(0, 0, 0, 0), h.containerInstanceId());
                ((Map<String, Object>) ((Map<String, Object>) inactive.get("detail")).get("containerInstance"))
                        .put("status", "INACTIVE");
                inactive.put("time", Instant.now().plusSeconds(60).toString());
                events.send("berth.host-state", h.containerInstanceId(), JSON.writeValueAsString(inactive));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withHostId(Map<String, Object> change, String hostId) {
        Map<String, Object> instance = (Map<String, Object>) ((Map<String, Object>) change.get("detail"))
                .get("containerInstance");
        instance.put("containerInstanceArn", "arn:berth:ecs::" + TENANT + ":container-instance/" + cluster + "/" + hostId);
        instance.put("hostId", hostId);
        return change;
    }

    private Map<String, Object> hostChange(int cpu, int remainingCpu, int memory, int remainingMemory) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("containerInstanceArn", "arn:berth:ecs::" + TENANT + ":container-instance/" + cluster + "/" + host);
        instance.put("hostId", host);
        instance.put("status", "ACTIVE");
        instance.put("agentConnected", true);
        instance.put("registeredResources", List.of(resource("CPU", cpu), resource("MEMORY", memory)));
        instance.put("remainingResources", List.of(resource("CPU", remainingCpu), resource("MEMORY", remainingMemory)));
        return envelope("ECS Container Instance State Change", Map.of("change", "REGISTERED", "containerInstance", instance));
    }

    private Map<String, Object> taskChange(String taskId, String service, String lastStatus, Instant startedAt) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskArn", "arn:berth:ecs::" + TENANT + ":task/" + cluster + "/" + taskId);
        task.put("clusterArn", "arn:berth:ecs::" + TENANT + ":cluster/" + cluster);
        task.put("taskDefinitionArn", "arn:berth:ecs::" + TENANT + ":task-definition/" + service + ":3");
        task.put("containerInstanceArn", "arn:berth:ecs::" + TENANT + ":container-instance/" + cluster + "/" + host);
        task.put("lastStatus", lastStatus);
        task.put("desiredStatus", "RUNNING");
        task.put("cpu", "512");
        task.put("memory", "256");
        task.put("group", "service:" + service);
        task.put("launchType", "EC2");
        task.put("version", 3);
        task.put("createdAt", Instant.now().minusSeconds(120).toString());
        if (startedAt != null) {
            task.put("startedAt", startedAt.toString());
        }
        task.put("updatedAt", Instant.now().toString());
        return envelope("ECS Task State Change", task);
    }

    private static Map<String, Object> envelope(String type, Object detail) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("tenant", TENANT);
        envelope.put("time", Instant.now().toString());
        envelope.put("detail", detail);
        return envelope;
    }

    private Map<String, Object> batch(String id, List<Map<String, Object>> datapoints) {
        Map<String, Object> envelope = envelope("MetricBatch", Map.of("cluster", cluster, "hostId", host,
                "datapoints", datapoints));
        envelope.put("id", id + "/" + UUID.randomUUID());
        return envelope;
    }

    /** A task's Container Insights points as the agent sends them in one report. */
    private static List<Map<String, Object>> taskPoints(String cluster, String service, String taskId, Instant at,
                                                        double cpuUtilized, double cpuReserved, double memoryUtilized,
                                                        double memoryReserved) {
        Map<String, String> task = Map.of("ClusterName", cluster, "ServiceName", service, "TaskId", taskId);
        Map<String, String> insights = new LinkedHashMap<>(task);
        insights.put("TaskDefinitionFamily", service);
        return List.of(point("CpuUtilized", insights, cpuUtilized, "None", at),
                point("CpuReserved", insights, cpuReserved, "None", at),
                point("MemoryReserved", insights, memoryReserved, "Megabytes", at),
                point("MemoryUtilized", task, memoryUtilized, "Megabytes", at));
    }

    private static Map<String, Object> point(String name, Map<String, String> dimensions, double value, String unit,
                                             Instant at) {
        return Map.of("namespace", "Berth/ECS", "name", name, "dimensions", dimensions, "value", value, "unit", unit,
                "timestamp", at.toString());
    }

    private static Map<String, Object> resource(String name, int value) {
        return Map.of("name", name, "type", "INTEGER", "integerValue", value);
    }

    private static Map<String, String> dim(String name, String value) {
        return Map.of("Name", name, "Value", value);
    }

    private static JsonPath stats(String namespace, String name, List<Map<String, String>> dimensions, Instant start,
                                  int period) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Namespace", namespace);
        body.put("MetricName", name);
        body.put("Dimensions", dimensions);
        body.put("StartTime", start.toString());
        body.put("EndTime", start.plusSeconds(period).toString());
        body.put("Period", period);
        body.put("Statistics", List.of("Average", "Sum", "Maximum", "SampleCount"));
        return given().auth().oauth2(Tokens.forDemoUser(VIEWER)).contentType("application/json").body(body)
                .post("/api/autoscaler/v1/metric-statistics").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static List<Double> values(JsonPath answer, String statistic) {
        return answer.getList("Datapoints." + statistic, Double.class);
    }

    private static JsonPath awaitDatapoints(String namespace, String name, List<Map<String, String>> dimensions,
                                            Instant start, int period) throws InterruptedException {
        JsonPath[] last = new JsonPath[1];
        await(() -> {
            last[0] = stats(namespace, name, dimensions, start, period);
            return !last[0].getList("Datapoints").isEmpty();
        }, namespace + " " + name + " has a datapoint");
        return last[0];
    }

    /** Asks again until the condition holds (Kafka consumers and the window job run on their own), at most 2 minutes. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached: " + what);
            Thread.sleep(250);
        }
    }
}
