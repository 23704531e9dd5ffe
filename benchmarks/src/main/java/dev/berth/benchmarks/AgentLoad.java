package dev.berth.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The host agent under load, on a running platform with its local agent (./platform up) and an
 * image in Berth's registry (bench/agent-load.sh pushes one):
 * <ul>
 *   <li>{@code latency IMAGE N}: N tasks one after another; RunTask accepted (createdAt) to RUNNING
 *       (startedAt, when the agent's report arrived) for a cached image</li>
 *   <li>{@code rss IMAGE N}: N tasks running at once; the agent's resident memory</li>
 *   <li>{@code logs IMAGE SECONDS PER_SECOND}: one container printing PER_SECOND numbered lines a
 *       second for SECONDS; the lines that arrive on berth.logs and at what rate</li>
 *   <li>{@code idle IMAGE N SECONDS}: N tasks running and nothing else happening; the cpu the
 *       engine's API service (data/run/podman.pid) and the agent use over SECONDS, in % of a core</li>
 * </ul>
 * Tasks go to acme's cluster {@code default} through the gateway.
 */
public final class AgentLoad {

    private static final String GATEWAY = System.getenv().getOrDefault("BERTH_GATEWAY_URL", "http://127.0.0.1:8080");
    private static final String CLUSTER = System.getenv().getOrDefault("BERTH_LOAD_CLUSTER", "default");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String token;

    public static void main(String[] args) throws Exception {
        token = Tokens.forDemoUser("acme-deployer");
        switch (args[0]) {
            case "latency" -> latency(args[1], Integer.parseInt(args[2]));
            case "rss" -> rss(args[1], Integer.parseInt(args[2]));
            case "logs" -> logs(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "idle" -> idle(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("latency | rss | logs | idle");
        }
    }

    private static void latency(String image, int tasks) throws Exception {
        String family = register(image, "exec sleep 600", null);
        List<Long> millis = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            long before = System.nanoTime();
            String arn = run(family);
            JsonNode task = await(arn, "RUNNING", Duration.ofSeconds(60));
            seen.add((System.nanoTime() - before) / 1_000_000);
            millis.add(Duration.between(Instant.parse(task.path("createdAt").asText()),
                    Instant.parse(task.path("startedAt").asText())).toMillis());
            stop(arn);
            await(arn, "STOPPED", Duration.ofSeconds(60));
        }
        System.out.printf("RunTask accepted -> RUNNING, %d tasks one at a time: p50 %d ms, p99 %d ms, max %d ms "
                + "(client-seen incl. polling: p50 %d ms, p99 %d ms)%n", tasks, pct(millis, 50), pct(millis, 99),
                Collections.max(millis), pct(seen, 50), pct(seen, 99));
    }

    private static void rss(String image, int tasks) throws Exception {
        String family = register(image, "exec sleep 600", null);
        long before = agentRssKiB();
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            arns.add(run(family));
        }
        for (String arn : arns) {
            await(arn, "RUNNING", Duration.ofSeconds(120));
        }
        Thread.sleep(25_000); // two metrics rounds with every task
        long during = agentRssKiB();
        System.out.printf("agent RSS: %d MiB before, %d MiB with %d tasks running%n", before / 1024, during / 1024, tasks);
        for (String arn : arns) {
            stop(arn);
        }
        for (String arn : arns) {
            await(arn, "STOPPED", Duration.ofSeconds(120));
        }
    }

    private static void logs(String image, int seconds, int perSecond) throws Exception {
        String group = "/bench/logs-" + UUID.randomUUID().toString().substring(0, 8);
        String script = "i=0; while [ $i -lt " + seconds + " ]; do seq $((i*" + perSecond + "+1)) $(((i+1)*" + perSecond
                + ")); i=$((i+1)); sleep 1; done";
        String family = register(image, script, group);
        long expected = (long) seconds * perSecond;
        try (EventsReader reader = EventsReader.atEndOf("berth.logs")) {
            String arn = run(family);
            String stream = group + "/bench/app/" + arn.substring(arn.lastIndexOf('/') + 1);
            long[] received = {0};
            long[] first = {0};
            long[] last = {0};
            java.util.BitSet numbers = new java.util.BitSet();
            reader.read(e -> {
                if (!stream.equals(e.key())) {
                    return false;
                }
                long now = System.nanoTime();
                if (first[0] == 0) {
                    first[0] = now;
                }
                last[0] = now;
                for (JsonNode line : e.value().path("detail").path("events")) {
                    received[0]++;
                    String text = line.path("message").asText();
                    if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                        numbers.set(Integer.parseInt(text));
                    }
                }
                return received[0] >= expected;
            }, 1, Duration.ofSeconds(seconds + 60L));
            double took = (last[0] - first[0]) / 1e9;
            System.out.printf("one container, %d lines/s for %d s: %d of %d lines arrived (%d distinct, %d lost), "
                            + "first to last batch %.1f s = %.0f lines/s%n", perSecond, seconds, received[0], expected,
                    numbers.cardinality(), expected - numbers.cardinality(), took, received[0] / Math.max(took, 0.001));
            await(arn, "STOPPED", Duration.ofSeconds(60));
        }
    }

    private static void idle(String image, int tasks, int seconds) throws Exception {
        String family = register(image, "exec sleep 3600", null);
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            arns.add(run(family));
        }
        for (String arn : arns) {
            await(arn, "RUNNING", Duration.ofSeconds(120));
        }
        Thread.sleep(15_000); // past the starts and one metrics round
        String engine = pid("podman");
        String agent = pid("agent");
        long engineBefore = cpuTicks(engine);
        long agentBefore = cpuTicks(agent);
        long before = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - before) / 1e9;
        double enginePercent = (cpuTicks(engine) - engineBefore) / TICKS_PER_SECOND / wall * 100;
        double agentPercent = (cpuTicks(agent) - agentBefore) / TICKS_PER_SECOND / wall * 100;
        System.out.printf("%d tasks running, idle for %.0f s: engine (podman system service) %.2f %% of a core, "
                + "agent %.2f %%, together %.2f %%%n", tasks, wall, enginePercent, agentPercent, enginePercent + agentPercent);
        for (String arn : arns) {
            stop(arn);
        }
        for (String arn : arns) {
            await(arn, "STOPPED", Duration.ofSeconds(120));
        }
    }

    /** Linux's USER_HZ: /proc/PID/stat counts cpu time in 1/100 s. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** User plus system cpu time of the process (all its threads), in ticks. */
    private static long cpuTicks(String pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
    }

    /** The launcher's pid file of the component, unless BERTH_LOAD_<COMPONENT>_PID names another process. */
    private static String pid(String component) throws Exception {
        String given = System.getenv("BERTH_LOAD_" + (component.equals("podman") ? "ENGINE" : "AGENT") + "_PID");
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        return Files.readString(Path.of(System.getenv().getOrDefault("BERTH_DATA_DIR", "data"), "run",
                component + ".pid")).trim();
    }

    private static long agentRssKiB() throws Exception {
        String pid = pid("agent");
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static String register(String image, String script, String logGroup) throws Exception {
        Map<String, Object> container = new java.util.LinkedHashMap<>(Map.of("name", "app", "image", image,
                "memoryReservation", 8, "entryPoint", List.of("/bin/busybox"), "command", List.of("sh", "-c", script),
                "stopTimeout", 2)); // sleep as PID 1 ignores SIGTERM: do not wait the default 30 s
        if (logGroup != null) {
            container.put("logConfiguration", Map.of("logDriver", "awslogs",
                    "options", Map.of("awslogs-group", logGroup, "awslogs-stream-prefix", "bench")));
        }
        String family = "bench-agent-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/scheduler/v1/task-definitions", Map.of("family", family, "containerDefinitions", List.of(container)));
        return family;
    }

    private static String run(String family) throws Exception {
        return call("POST", "/api/scheduler/v1/clusters/" + CLUSTER + "/tasks", Map.of("taskDefinition", family))
                .path("tasks").path(0).path("taskArn").asText();
    }

    private static void stop(String arn) throws Exception {
        call("POST", "/api/scheduler/v1/clusters/" + CLUSTER + "/tasks/" + arn.substring(arn.lastIndexOf('/') + 1) + "/stop",
                Map.of("reason", "benchmark done"));
    }

    private static JsonNode await(String arn, String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode task = call("GET", "/api/scheduler/v1/clusters/" + CLUSTER + "/tasks/" + arn.substring(arn.lastIndexOf('/') + 1),
                    null).path("task");
            String last = task.path("lastStatus").asText();
            if (last.equals(status) || last.equals("STOPPED")) {
                if (!last.equals(status)) {
                    throw new IllegalStateException("task stopped: " + task);
                }
                return task;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not " + status + " within " + within + ": " + task);
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            token = Tokens.forDemoUser("acme-deployer");
            return call(method, path, body);
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
