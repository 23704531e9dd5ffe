package dev.berth.scheduler;

import static io.restassured.RestAssured.given;

import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.TestHosts;
import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The scheduler's API and agent channel as the tests use them: demo users' tokens, scripted hosts. */
public final class SchedulerTestClient {

    /** Demo users' tokens, fetched again after a minute (well inside their lifetime). */
    private record CachedToken(String token, long fetchedAt) {
    }

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private SchedulerTestClient() {
    }

    public static RequestSpecification as(String user) {
        CachedToken token = TOKENS.compute(user, (name, cached) -> cached != null
                && System.nanoTime() - cached.fetchedAt() < 60_000_000_000L ? cached
                : new CachedToken(Tokens.forDemoUser(name), System.nanoTime()));
        return given().auth().oauth2(token.token()).contentType("application/json");
    }

    /** The services path of a cluster. */
    public static String services(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster + "/services";
    }

    /** DescribeServices of one service, as acme's viewer. */
    public static JsonPath describe(String cluster, String service) {
        return as("acme-viewer").get(services(cluster) + "/" + service).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until {@code count} tasks of the definition run and its one deployment is COMPLETED. */
    public static void awaitSteady(ScriptedHost anyHost, String cluster, String service, String definition, int count) {
        anyHost.await(service + " steady with " + count + " of " + definition, () -> {
            JsonPath s = describe(cluster, service);
            return s.getInt("service.runningCount") == count && s.getInt("service.pendingCount") == 0
                    && s.getList("service.deployments").size() == 1
                    && definition.equals(s.getString("service.deployments[0].taskDefinition"))
                    && "COMPLETED".equals(s.getString("service.deployments[0].rolloutState"));
        }, Duration.ofSeconds(60));
    }

    /** A new ACTIVE cluster of acme. */
    public static String newCluster() {
        String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("clusterName", name)).post("/api/scheduler/v1/clusters").then().statusCode(200);
        return name;
    }

    /** Registers a task definition and returns its ARN. */
    public static String register(String json) {
        return as("acme-deployer").body(json).post("/api/scheduler/v1/task-definitions").then().statusCode(201)
                .extract().path("taskDefinition.taskDefinitionArn");
    }

    /** A small web task definition of a new family: {@code memory} MiB, {@code cpu} units, one dynamic port. */
    public static String webTask(int cpu, int memory) {
        String family = "web-" + UUID.randomUUID().toString().substring(0, 8);
        return register("""
                {"family": "%s", "containerDefinitions": [{"name": "web", "image": "busybox", "cpu": %d, "memory": %d,
                 "portMappings": [{"containerPort": 8080, "hostPort": 0}], "essential": true}]}
                """.formatted(family, cpu, memory));
    }

    public static URI channel() {
        return URI.create("ws://127.0.0.1:" + io.restassured.RestAssured.port + "/api/agent/v1/connect");
    }

    /** A scripted host of acme in {@code cluster}, connected. */
    public static ScriptedHost host(String cluster, int cpu, int memory, Map<String, String> attributes) {
        return ScriptedHost.connect(channel(), TestHosts.register("acme", cluster),
                new ScriptedHost.Spec(cpu, memory, attributes));
    }

    public static ScriptedHost host(String cluster, String zone) {
        return host(cluster, 2048, 4096, Map.of("berth.availability-zone", zone, "berth.instance-type", "t3.medium",
                "berth.os-type", "linux"));
    }

    public static List<String> taskArns(io.restassured.response.Response runTask) {
        return runTask.then().extract().path("tasks.taskArn");
    }
}
