package dev.berth.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.TestHosts;
import dev.berth.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end placement load on a running platform: N scripted hosts speak the real agent protocol
 * over the gateway's channel, then C clients start T tasks with run-task batches of 10 (binpack
 * by memory) against the scheduler. Prints hosts joined per second, placements per second (tasks
 * written with their room reserved in PostgreSQL) and the time until every task reported RUNNING.
 * Run with bench/scheduler-load.sh HOSTS TASKS [CLIENTS].
 */
public final class SchedulerLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SchedulerLoad() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the hosts' threads would keep the JVM (and their connections) alive
    }

    private static void run(String[] args) throws Exception {
        int hosts = Integer.parseInt(args[0]);
        int tasks = Integer.parseInt(args[1]);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String gateway = System.getenv().getOrDefault("BERTH_GATEWAY_URL", "http://127.0.0.1:8080");
        String api = System.getenv().getOrDefault("BERTH_LOAD_API_URL", "http://127.0.0.1:8082");
        URI channel = URI.create(gateway.replace("http", "ws") + "/api/agent/v1/connect");
        String cluster = "load-" + UUID.randomUUID().toString().substring(0, 8);
        call(api, "POST", "/api/scheduler/v1/clusters", Map.of("clusterName", cluster));
        String definition = call(api, "POST", "/api/scheduler/v1/task-definitions", Map.of("family", cluster,
                "containerDefinitions", List.of(Map.of("name", "app", "image", "busybox", "cpu", 64, "memory", 128))))
                .path("taskDefinition").path("taskDefinitionArn").asText();

        long joinStart = System.nanoTime();
        List<ScriptedHost> joined = Collections.synchronizedList(new ArrayList<>());
        ExecutorService joining = Executors.newFixedThreadPool(16);
        List<Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String zone = "zone-" + "abc".charAt(i % 3);
            joins.add(joining.submit(() -> joined.add(ScriptedHost.connect(channel, TestHosts.register("acme", cluster),
                    new ScriptedHost.Spec(2048, 4096, Map.of("berth.availability-zone", zone))))));
        }
        for (Future<?> join : joins) {
            join.get();
        }
        joining.shutdown();
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
        System.out.printf("%d hosts joined in %.1f s (%.0f/s)%n", hosts, joinSeconds, hosts / joinSeconds);

        AtomicInteger remaining = new AtomicInteger(tasks);
        AtomicInteger placed = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService running = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(running.submit(() -> {
                while (true) {
                    int batch = Math.min(10, remaining.getAndAdd(-10));
                    if (batch <= 0) {
                        return null;
                    }
                    long t0 = System.nanoTime();
                    JsonNode response = call(api, "POST", "/api/scheduler/v1/clusters/" + cluster + "/tasks",
                            Map.of("taskDefinition", definition, "count", batch,
                                    "placementStrategy", List.of(Map.of("type", "binpack", "field", "memory"))));
                    latencies.add(System.nanoTime() - t0);
                    placed.addAndGet(response.path("tasks").size());
                }
            }));
        }
        for (Future<?> loop : loops) {
            loop.get();
        }
        running.shutdown();
        double placeSeconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d tasks placed in %.1f s: %.0f placements/s; run-task p50 %.0f ms, p99 %.0f ms (%d calls, "
                        + "%d clients)%n", placed.get(), placeSeconds, placed.get() / placeSeconds,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size(), clients);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (joined.stream().mapToLong(ScriptedHost::running).sum() < placed.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        System.out.printf("all %d RUNNING %.1f s after the first run-task%n",
                joined.stream().mapToLong(ScriptedHost::running).sum(), (System.nanoTime() - start) / 1e9);
        // leave nothing behind that would stop 100,000 tasks in the middle of the next run
        long cleanup = System.nanoTime();
        ExecutorService leaving = Executors.newFixedThreadPool(clients);
        List<Future<?>> leaves = new ArrayList<>();
        for (ScriptedHost host : joined) {
            leaves.add(leaving.submit(() -> call(api, "DELETE", "/api/scheduler/v1/clusters/" + cluster
                    + "/container-instances/" + host.hostId() + "?force=true", null)));
        }
        for (Future<?> leave : leaves) {
            leave.get();
        }
        leaving.shutdown();
        joined.forEach(ScriptedHost::close);
        call(api, "DELETE", "/api/scheduler/v1/clusters/" + cluster, null);
        System.out.printf("hosts deregistered (their tasks stopped) and cluster deleted in %.1f s%n",
                (System.nanoTime() - cleanup) / 1e9);
    }

    private static String token;
    private static long tokenAt;

    private static synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(2).toNanos()) {
            token = Tokens.forDemoUser("acme-admin");
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static JsonNode call(String base, String method, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
