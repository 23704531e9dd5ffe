package dev.berth.e2e;

import static io.restassured.RestAssured.given;

import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * A cluster of its own with one real agent and the test image, and the calls a user makes through the
 * gateway to scale its services: services, scalable targets, policies, alarms, metric data, activities.
 */
final class ScalingCluster implements AutoCloseable {

    static final String AUTOSCALER = "/api/autoscaler/v1";
    private static final String GATEWAY = AgentProcess.GATEWAY;

    private final Path dir;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String image = URI.create(GATEWAY).getAuthority() + "/acme/autoscaling-e2e:" + run;
    private final String cluster = "scaling-" + run;
    private final List<String> services = new ArrayList<>();
    private AgentProcess agent;

    private ScalingCluster(Path dir) {
        this.dir = dir;
    }

    /** Pushes the test image, creates the cluster and starts its agent. */
    static ScalingCluster start(Path dir) throws Exception {
        LocalPlatform.ensureWholePlatform();
        ScalingCluster scaling = new ScalingCluster(dir);
        Path layout = BusyboxImage.build(Files.createDirectories(dir.resolve("image")));
        Commands.run(List.of("skopeo", "copy", "-q", "--dest-tls-verify=false", "--dest-creds", "acme-deployer:berth-demo",
                "oci:" + layout + ":" + BusyboxImage.TAG, "docker://" + scaling.image)).requireSuccess();
        as("acme-admin").body(Map.of("clusterName", scaling.cluster)).post("/api/scheduler/v1/clusters").then()
                .statusCode(200);
        String token = as("acme-admin").body(Map.of("cluster", scaling.cluster, "maxUses", 1))
                .post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().<String>path("token");
        scaling.agent = AgentProcess.start(dir.resolve("agent"), scaling.cluster, token, "a");
        return scaling;
    }

    String run() {
        return run;
    }

    /** Deregisters the targets, stops the services and the agent, removes the containers. */
    @Override
    public void close() throws Exception {
        for (String service : services) {
            as("acme-admin").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId(service))
                    .queryParam("ScalableDimension", "ecs:service:DesiredCount").delete(AUTOSCALER + "/scalable-targets");
            as("acme-deployer").body(Map.of("desiredCount", 0)).put(service(service));
        }
        if (agent != null) {
            agent.close();
        }
        String ids = docker("ps", "-aq", "--filter", "label=berth.cluster=" + cluster).output().trim();
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(List.of(ids.split("\\s+")));
            docker(rm.toArray(String[]::new));
        }
    }

    static RequestSpecification as(String user) {
        return given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    String service(String name) {
        return "/api/scheduler/v1/clusters/" + cluster + "/services/" + name;
    }

    String resourceId(String service) {
        return "service/" + cluster + "/" + service;
    }

    /** A service of one task running {@code script} in a container that reserves {@code cpu} units. */
    void createService(String name, int cpu, String script) {
        services.add(name);
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", "app");
        app.put("image", image);
        app.put("cpu", cpu);
        app.put("memory", 32);
        app.put("entryPoint", List.of("/bin/busybox"));
        app.put("command", List.of("sh", "-c", script));
        app.put("stopTimeout", 2);
        String definition = as("acme-deployer").body(Map.of("family", name + "-" + run, "containerDefinitions", List.of(app)))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(201)
                .extract().path("taskDefinition.taskDefinitionArn");
        as("acme-deployer").body(Map.of("serviceName", name, "taskDefinition", definition, "desiredCount", 1))
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then().statusCode(200);
    }

    void registerTarget(String service, int min, int max) {
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId(service),
                        "ScalableDimension", "ecs:service:DesiredCount", "MinCapacity", min, "MaxCapacity", max))
                .post(AUTOSCALER + "/scalable-targets").then().statusCode(200);
    }

    JsonPath putPolicy(String service, String name, String type, String member, Map<String, Object> config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PolicyName", name);
        body.put("ServiceNamespace", "ecs");
        body.put("ResourceId", resourceId(service));
        body.put("ScalableDimension", "ecs:service:DesiredCount");
        body.put("PolicyType", type);
        body.put(member, config);
        return as("acme-admin").body(body).put(AUTOSCALER + "/scaling-policies").then().statusCode(200).extract().jsonPath();
    }

    int desiredCount(String service) {
        return as("acme-viewer").get(service(service)).then().statusCode(200).extract().path("service.desiredCount");
    }

    JsonPath awaitService(String name, IntPredicate desired, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonPath service;
        do {
            service = as("acme-viewer").get(service(name)).then().statusCode(200).extract().jsonPath();
            if (desired.test(service.getInt("service.desiredCount"))) {
                return service;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("service " + name + " not scaled within " + within + ": " + service.prettify()
                + "\nactivities: " + activities(name));
    }

    List<String> serviceTasks(String service) {
        return as("acme-viewer").queryParam("serviceName", service).queryParam("desiredStatus", "RUNNING")
                .get("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                .extract().jsonPath().getList("taskArns");
    }

    void awaitRunning(String service, int count, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath described = as("acme-viewer").get(service(service)).then().statusCode(200).extract().jsonPath();
            if (described.getInt("service.runningCount") == count && serviceTasks(service).size() == count) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(count + " tasks of " + service + " not running within " + within);
    }

    List<Map<String, Object>> activities(String service) {
        return as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId(service))
                .get(AUTOSCALER + "/scaling-activities").then().statusCode(200).extract().jsonPath()
                .getList("ScalingActivities");
    }

    /** The activity with {@code description}, once it has finished. */
    Map<String, Object> awaitActivity(String service, String description, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<Map<String, Object>> all;
        do {
            all = activities(service);
            for (Map<String, Object> activity : all) {
                if (description.equals(activity.get("Description")) && !"InProgress".equals(activity.get("StatusCode"))
                        && !"Pending".equals(activity.get("StatusCode"))) {
                    return activity;
                }
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no finished activity '" + description + "' for " + service + ": " + all);
    }

    List<String> history(String alarm, String type) {
        return as("acme-viewer").queryParam("AlarmName", alarm).queryParam("HistoryItemType", type)
                .get(AUTOSCALER + "/alarm-history").then().statusCode(200).extract().jsonPath()
                .getList("AlarmHistoryItems.HistorySummary");
    }

    Commands.Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Commands.run(Map.of("DOCKER_HOST", AgentProcess.engineSocket(),
                "DOCKER_CONFIG", dir.resolve("docker").toString()), null, command);
    }

    void putAlarm(Map<String, Object> alarm) {
        as("acme-admin").body(alarm).post(AUTOSCALER + "/alarms").then().statusCode(204);
    }

    /** A user's alarm on the Maximum of {@code namespace}'s QueueDepth (Queue=orders) that runs {@code policyArn}. */
    static Map<String, Object> queueDepthAlarm(String name, String namespace, int period, int evaluationPeriods,
            double threshold, String policyArn) {
        Map<String, Object> alarm = new LinkedHashMap<>();
        alarm.put("AlarmName", name);
        alarm.put("Namespace", namespace);
        alarm.put("MetricName", "QueueDepth");
        alarm.put("Dimensions", List.of(Map.of("Name", "Queue", "Value", "orders")));
        alarm.put("Statistic", "Maximum");
        alarm.put("Period", period);
        alarm.put("EvaluationPeriods", evaluationPeriods);
        alarm.put("Threshold", threshold);
        alarm.put("ComparisonOperator", "GreaterThanThreshold");
        alarm.put("TreatMissingData", "ignore");
        alarm.put("AlarmActions", List.of(policyArn));
        return alarm;
    }

    /** One high-resolution data point of {@code namespace}'s QueueDepth (Queue=orders), now. */
    static void putQueueDepth(String namespace, double value) {
        as("acme-deployer").body(Map.of("Namespace", namespace, "MetricData", List.of(Map.of(
                        "MetricName", "QueueDepth", "Dimensions", List.of(Map.of("Name", "Queue", "Value", "orders")),
                        "Value", value, "Unit", "Count", "Timestamp", Instant.now().toString(), "StorageResolution", 1))))
                .post(AUTOSCALER + "/metric-data").then().statusCode(204);
    }
}
