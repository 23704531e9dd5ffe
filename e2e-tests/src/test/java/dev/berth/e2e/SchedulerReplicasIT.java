package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.PlatformSecrets;
import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scheduler replicas on one database: a command queued by one replica reaches a host whose
 * socket the other holds, and run-tasks sent to both at once never over-commit a host. The
 * second replica is the same jar as the platform's, started on its own port.
 */
class SchedulerReplicasIT {

    private static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final String REPLICA_1 = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_SCHEDULER_PORT", "8082");
    private static final int REPLICA_2_PORT = Integer.parseInt(System.getenv().getOrDefault("BERTH_SCHEDULER_REPLICA_PORT", "8092"));
    private static final String REPLICA_2 = "http://127.0.0.1:" + REPLICA_2_PORT;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Process replica2;

    @TempDir
    Path dir;

    @BeforeAll
    static void twoReplicas() throws Exception {
        LocalPlatform.ensureWholePlatform();
        File jar = LocalPlatform.root().resolve("scheduler-service/target/quarkus-app/quarkus-run.jar").toFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:UseAVX=2", "-jar",
                jar.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(LocalPlatform.root().resolve("data/logs/scheduler-replica-2.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(REPLICA_2_PORT));
        // the scheduler's own credentials, as ./platform passes them to the first replica
        builder.environment().put("BERTH_DB_PASSWORD", PlatformSecrets.databasePassword("scheduler"));
        builder.environment().put("BERTH_KAFKA_PASSWORD", PlatformSecrets.kafkaPassword("scheduler"));
        builder.environment().put("BERTH_CLIENT_SECRET", PlatformSecrets.clientSecret("scheduler"));
        replica2 = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(REPLICA_2 + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline || !replica2.isAlive()) {
                throw new IllegalStateException("the second scheduler replica did not become ready; see "
                        + "data/logs/scheduler-replica-2.log");
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopReplica() throws Exception {
        if (replica2 != null) {
            replica2.destroy();
            replica2.waitFor();
        }
    }

    private static RequestSpecification on(String base, String user) {
        return given().baseUri(base).auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    private ScriptedHost join(String registrationToken, String zone, String channelBase) {
        HostCredentials credentials = HostCredentials.register(URI.create(GATEWAY), registrationToken, "host-" + zone,
                dir.resolve(zone + ".json"));
        URI channel = URI.create(channelBase.replace("http://", "ws://") + "/api/agent/v1/connect");
        return ScriptedHost.connect(channel, credentials, new ScriptedHost.Spec(2048, 4096,
                Map.of("berth.availability-zone", zone)));
    }

    @Test
    void commandsReachTheReplicaHoldingTheHostAndNoHostIsOverCommitted() {
        String cluster = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        on(REPLICA_1, "acme-admin").body(Map.of("clusterName", cluster)).post("/api/scheduler/v1/clusters").then()
                .statusCode(200);
        String registration = on(GATEWAY, "acme-admin").body(Map.of("cluster", cluster, "maxUses", 2))
                .post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().path("token");
        String tasks = "/api/scheduler/v1/clusters/" + cluster + "/tasks";
        try (ScriptedHost a = join(registration, "zone-a", REPLICA_1);
             ScriptedHost b = join(registration, "zone-b", REPLICA_2)) {
            String definition = on(REPLICA_1, "acme-deployer").body(Map.of("family", cluster, "containerDefinitions",
                            List.of(Map.of("name", "app", "image", "busybox", "cpu", 64, "memory", 1024))))
                    .post("/api/scheduler/v1/task-definitions").then().statusCode(201)
                    .extract().path("taskDefinition.taskDefinitionArn");

            // placed by replica 2: one task on each host, whichever replica holds its socket
            List<String> arns = on(REPLICA_2, "acme-deployer").body(Map.of("taskDefinition", definition, "count", 2,
                            "placementStrategy", List.of(Map.of("type", "spread", "field", "instanceId"))))
                    .post(tasks).then().statusCode(200).extract().path("tasks.taskArn");
            a.await("a task on each host", () -> a.running() == 1 && b.running() == 1, WAIT);

            // stopped through replica 1: host b, held by replica 2, gets the stop
            String onB = b.tasks().keySet().iterator().next();
            on(REPLICA_1, "acme-deployer").body(Map.of("reason", "cross-replica"))
                    .post(tasks + "/" + onB.substring(onB.lastIndexOf('/') + 1) + "/stop").then().statusCode(200);
            b.await("the stop", () -> b.running() == 0, WAIT);
            assertEquals(2, arns.size());

            // 12 run-tasks at once, half to each replica: 4 GiB hosts hold 7 more 1 GiB tasks
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String replica = i % 2 == 0 ? REPLICA_1 : REPLICA_2;
                calls.add(CompletableFuture.supplyAsync(() -> on(replica, "acme-deployer")
                        .body(Map.of("taskDefinition", definition)).post(tasks).then().statusCode(200)
                        .extract().<List<?>>path("tasks").size(), pool));
            }
            int started = calls.stream().mapToInt(CompletableFuture::join).sum();
            pool.shutdown();
            assertEquals(7, started, "3 + 4 free slots of 1 GiB");
            a.await("all running", () -> a.running() + b.running() == 8, WAIT);
        }
    }
}
