package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real containers: berth-agent processes on the platform's Podman run tasks from an image pushed
 * to Berth's registry, as a user drives it through the gateway — output as log events, exit codes,
 * OOM, dependsOn order, health checks, stop timeouts, agent restarts and a killed agent.
 */
class HostAgentEndToEndIT {

    private static final String GATEWAY = AgentProcess.GATEWAY;
    private static final String REGISTRY = URI.create(GATEWAY).getAuthority();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String IMAGE = REGISTRY + "/acme/agent-e2e:" + RUN;

    @TempDir
    static Path dir;

    private static String cluster;
    private static AgentProcess zoneA;
    private static AgentProcess zoneB;
    private static final List<String> clusters = new ArrayList<>();

    @BeforeAll
    static void platformAgentsAndImage() throws Exception {
        LocalPlatform.ensureWholePlatform();
        Path layout = BusyboxImage.build(Files.createDirectories(dir.resolve("image")));
        Commands.run(List.of("skopeo", "copy", "-q", "--dest-tls-verify=false", "--dest-creds", "acme-deployer:berth-demo",
                "oci:" + layout + ":" + BusyboxImage.TAG, "docker://" + IMAGE)).requireSuccess();
        cluster = newCluster();
        String token = registrationToken(cluster, 2);
        zoneA = AgentProcess.start(dir.resolve("agent-a"), cluster, token, "a");
        zoneB = AgentProcess.start(dir.resolve("agent-b"), cluster, token, "b");
    }

    @AfterAll
    static void stopAgentsAndRemoveTheirContainers() throws Exception {
        for (AgentProcess agent : new AgentProcess[] {zoneA, zoneB}) {
            if (agent != null) {
                agent.close();
            }
        }
        for (String c : clusters) {
            String ids = docker("ps", "-aq", "--filter", "label=berth.cluster=" + c).output().trim();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(List.of(ids.split("\\s+")));
                docker(rm.toArray(String[]::new));
            }
        }
    }

    @Test
    void aTaskRunsWithItsSettingsItsOutputArrivesAsLogEventsAndItsExitCodeStopsIt() throws Exception {
        String group = "/e2e/" + RUN;
        Map<String, Object> app = container("app", "echo hello from $GREETING in $(pwd); echo oops >&2; sleep 2; exit 7");
        app.put("cpu", 128);
        app.put("memory", 64);
        app.put("memoryReservation", 32);
        app.put("environment", List.of(Map.of("name", "GREETING", "value", "berth")));
        app.put("workingDirectory", "/bin");
        app.put("dockerLabels", Map.of("team", "web"));
        app.put("logConfiguration", Map.of("logDriver", "awslogs",
                "options", Map.of("awslogs-group", group, "awslogs-stream-prefix", "svc")));
        String family = register("print", List.of(app));

        try (EventsReader logs = EventsReader.atEndOf("berth.logs")) {
            String taskArn = runTask(cluster, family);
            String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
            JsonPath stopped = awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
            assertEquals("EssentialContainerExited", stopped.getString("stopCode"));
            assertEquals(7, stopped.getInt("containers[0].exitCode"));

            JsonNode inspect = inspect("berth-" + taskId + "-app");
            JsonNode host = inspect.path("HostConfig");
            assertEquals(64L * 1024 * 1024, host.path("Memory").asLong());
            assertEquals(32L * 1024 * 1024, host.path("MemoryReservation").asLong());
            assertEquals(128, host.path("CpuShares").asInt());
            assertEquals("/bin", inspect.path("Config").path("WorkingDir").asText());
            assertEquals(taskArn, inspect.path("Config").path("Labels").path("berth.task-arn").asText());
            assertEquals("web", inspect.path("Config").path("Labels").path("team").asText());
            assertTrue(inspect.path("Config").path("Env").toString().contains("GREETING=berth"));
            assertTrue(inspect.path("Config").path("Image").asText().contains("@sha256:"), "pulled by digest");

            String stream = "svc/app/" + taskId;
            Set<String> lines = new HashSet<>();
            logs.read(e -> {
                if (!(group + "/" + stream).equals(e.key())) {
                    return false;
                }
                e.value().path("detail").path("events").forEach(line -> lines.add(line.path("message").asText()));
                return lines.contains("oops") && lines.contains("hello from berth in /bin");
            }, 1, WAIT);
            assertTrue(lines.contains("hello from berth in /bin") && lines.contains("oops"), "log lines: " + lines);
        }
    }

    /**
     * DESIGN.md §5: a tenant's container reaches none of the platform's backends. The task probes
     * PostgreSQL, Kafka (broker and controller), Keycloak (HTTP and management) and every backend
     * service at its default gateway and at each address of this machine; a listener of the
     * test's own on all interfaces is the control that the probe sees an open port.
     */
    @Test
    void aTasksContainerCannotConnectToTheDatabaseTheBrokerKeycloakOrTheBackends() throws Exception {
        String group = "/e2e/probe-" + RUN;
        List<Integer> platformPorts = List.of(port("BERTH_PG_PORT", 15432), port("BERTH_KAFKA_PORT", 9092),
                port("BERTH_KAFKA_CONTROLLER_PORT", 9093), port("BERTH_KEYCLOAK_PORT", 8180),
                port("BERTH_KEYCLOAK_MANAGEMENT_PORT", 8190), port("BERTH_REGISTRY_PORT", 8081),
                port("BERTH_SCHEDULER_PORT", 8082), port("BERTH_AUTOSCALER_PORT", 8083),
                port("BERTH_STACKS_PORT", 8084), port("BERTH_LOGS_PORT", 8085));
        List<String> hostAddresses = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .map(InetAddress::getHostAddress).toList();
        try (ServerSocket control = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            String ports = platformPorts.stream().map(String::valueOf).collect(Collectors.joining(" "));
            Map<String, Object> probe = container("probe", "gw=$(ip route | awk '/^default/ {print $3}'); "
                    + "for h in $gw $HOSTS; do for p in $PORTS $CONTROL; do "
                    + "timeout 3 nc -w 2 $h $p </dev/null >/dev/null 2>&1; "
                    + "if [ $? -eq 1 ]; then echo \"closed $h:$p\"; else echo \"open $h:$p\"; fi; done; done; echo probe-done");
            probe.put("environment", List.of(Map.of("name", "HOSTS", "value", String.join(" ", hostAddresses)),
                    Map.of("name", "PORTS", "value", ports),
                    Map.of("name", "CONTROL", "value", String.valueOf(control.getLocalPort()))));
            probe.put("logConfiguration", Map.of("logDriver", "awslogs",
                    "options", Map.of("awslogs-group", group, "awslogs-stream-prefix", "probe")));
            String family = register("probe", List.of(probe));
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!control.isClosed()) {
                    try {
                        control.accept().close();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            Set<String> lines = new HashSet<>();
            try (EventsReader logs = EventsReader.atEndOf("berth.logs")) {
                String taskArn = runTask(cluster, family);
                awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
                logs.read(e -> {
                    if (!e.key().startsWith(group + "/")) {
                        return false;
                    }
                    e.value().path("detail").path("events").forEach(line -> lines.add(line.path("message").asText()));
                    return lines.contains("probe-done");
                }, 1, WAIT);
            } finally {
                control.close();
                acceptor.join(2000);
            }
            assertTrue(lines.contains("probe-done"), "the probe's output: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("open ") && l.endsWith(":" + control.getLocalPort())),
                    "the control listener was not reachable, so the probe proves nothing: " + lines);
            List<String> reached = lines.stream().filter(l -> l.startsWith("open "))
                    .filter(l -> !l.endsWith(":" + control.getLocalPort())).sorted().toList();
            assertEquals(List.of(), reached, "a task's container reached platform ports");
        }
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    @Test
    void aRunningTasksOutputIsInTheLiveTailWithinTwoSecondsAndReadableThroughTheLogsApi() throws Exception {
        String group = "/e2e/tail-" + RUN;
        Map<String, Object> app = container("app", "i=0; while [ $i -lt 120 ]; do echo \"tick $i\"; "
                + "[ $((i % 4)) -eq 0 ] && echo \"ERROR tick $i\"; i=$((i+1)); sleep 0.25; done");
        app.put("logConfiguration", Map.of("logDriver", "awslogs",
                "options", Map.of("awslogs-group", group, "awslogs-stream-prefix", "tail")));
        String family = register("tail", List.of(app));
        String taskArn = runTask(cluster, family);
        String stream = "tail/app/" + id(taskArn);
        try {
            // the group appears with the task's first batch; then tail it through the gateway
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (as("acme-viewer").urlEncodingEnabled(false).get(logsPath(group)).statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + logsPath(group)
                            + "/tail?filterPattern=ERROR"))
                    .header("Authorization", "Bearer " + Tokens.forDemoUser("acme-viewer"))
                    .header("Accept", "text/event-stream").build();
            HttpResponse<java.util.stream.Stream<String>> tail = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, tail.statusCode());
            List<Long> delays = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            var lines = tail.body().iterator();
            while (messages.size() < 5 && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:") && line.contains("logStreamName")) {
                    JsonNode event = JSON.readTree(line.substring(5));
                    // the agent stamps each line as it reads it from the container: print time to tail arrival
                    delays.add(System.currentTimeMillis() - event.path("timestamp").asLong());
                    messages.add(event.path("message").asText());
                }
            }
            tail.body().close();
            assertEquals(5, messages.size(), "tailed: " + messages);
            assertTrue(messages.stream().allMatch(m -> m.startsWith("ERROR tick")), "only matching lines: " + messages);
            assertTrue(delays.stream().allMatch(d -> d < 2_000), "printed to tailed, ms: " + delays);

            List<String> stored = as("acme-viewer").urlEncodingEnabled(false)
                    .get(logsPath(group) + "/streams/" + encode(stream) + "/events?startFromHead=true")
                    .then().statusCode(200).extract().jsonPath().getList("events.message");
            assertEquals("tick 0", stored.get(0));
            List<String> errors = as("acme-viewer").urlEncodingEnabled(false)
                    .body(Map.of("filterPattern", "ERROR -\"tick 0\"", "logStreamNames", List.of(stream)))
                    .post(logsPath(group) + "/events:filter").then().statusCode(200).extract().jsonPath()
                    .getList("events.message");
            assertTrue(!errors.isEmpty() && errors.stream().allMatch(m -> m.startsWith("ERROR tick")), "filtered: " + errors);
        } finally {
            stopTask(cluster, taskArn);
        }
    }

    private static String logsPath(String group) {
        return "/api/logs/v1/log-groups/" + encode(group);
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void dynamicHostPortsAreMappedAndReported() throws Exception {
        Map<String, Object> web = container("web", "exec httpd -f -p 8080 -h /bin");
        web.put("portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp")));
        String taskArn = runTask(cluster, register("ports", List.of(web)));
        JsonPath running = awaitTask(cluster, taskArn, t -> "RUNNING".equals(t.getString("lastStatus")));
        int hostPort = running.getInt("containers[0].networkBindings[0].hostPort");
        assertTrue(hostPort >= 49153, "dynamic port " + hostPort);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hostPort + "/busybox")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 500, "the container answers on its host port: " + answer.statusCode());
        stopTask(cluster, taskArn);
        awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
    }

    @Test
    void aContainerOverItsMemoryLimitIsReportedOutOfMemory() throws Exception {
        Map<String, Object> hog = container("hog", "exec dd if=/dev/zero of=/dev/null bs=64M count=1");
        hog.put("memory", 16);
        String taskArn = runTask(cluster, register("oom", List.of(hog)));
        JsonPath stopped = awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
        assertEquals(137, stopped.getInt("containers[0].exitCode"));
        assertTrue(stopped.getString("containers[0].reason").startsWith("OutOfMemoryError"),
                stopped.getString("containers[0].reason"));
    }

    @Test
    void containersStartInDependsOnOrderAndAnUnmetConditionFailsTheTask() throws Exception {
        Map<String, Object> db = container("db", "sleep 1; touch /ready; exec sleep 300");
        db.put("healthCheck", Map.of("command", List.of("CMD-SHELL", "test -f /ready"), "interval", 5,
                "timeout", 2, "retries", 3));
        Map<String, Object> migrate = container("migrate", "sleep 1; exit 0");
        migrate.put("essential", false);
        migrate.put("dependsOn", List.of(Map.of("containerName", "db", "condition", "HEALTHY")));
        Map<String, Object> app = container("app", "exec sleep 300");
        app.put("dependsOn", List.of(Map.of("containerName", "migrate", "condition", "SUCCESS")));
        db.put("stopTimeout", 2);
        app.put("stopTimeout", 2);
        String taskArn = runTask(cluster, register("order", List.of(db, migrate, app)));
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        JsonPath running = awaitTask(cluster, taskArn, t -> "RUNNING".equals(t.getString("lastStatus")));
        assertEquals("HEALTHY", running.getString("containers.find { it.name == 'db' }.healthStatus"));
        Instant dbStarted = Instant.parse(inspect("berth-" + taskId + "-db").path("State").path("StartedAt").asText());
        JsonNode migrateState = inspect("berth-" + taskId + "-migrate").path("State");
        Instant appStarted = Instant.parse(inspect("berth-" + taskId + "-app").path("State").path("StartedAt").asText());
        assertTrue(dbStarted.plusSeconds(1).isBefore(Instant.parse(migrateState.path("StartedAt").asText())),
                "migrate started once db was healthy");
        assertFalse(appStarted.isBefore(Instant.parse(migrateState.path("FinishedAt").asText())),
                "app started after migrate succeeded");
        stopTask(cluster, taskArn);
        awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));

        Map<String, Object> failing = container("migrate", "exit 3");
        failing.put("essential", false);
        Map<String, Object> never = container("app", "exec sleep 300");
        never.put("dependsOn", List.of(Map.of("containerName", "migrate", "condition", "SUCCESS")));
        String failedArn = runTask(cluster, register("unmet", List.of(failing, never)));
        JsonPath failed = awaitTask(cluster, failedArn, t -> "STOPPED".equals(t.getString("lastStatus")));
        assertEquals("TaskFailedToStart", failed.getString("stopCode"));
        assertTrue(failed.getString("stoppedReason").contains("migrate did not reach SUCCESS"), failed.getString("stoppedReason"));
    }

    @Test
    void stopTaskSendsSigtermThenSigkillOnceTheStopTimeoutPassed() throws Exception {
        Map<String, Object> stubborn = container("stubborn", "sleep 300"); // a shell as PID 1 ignores SIGTERM
        stubborn.put("stopTimeout", 3);
        String taskArn = runTask(cluster, register("stop", List.of(stubborn)));
        awaitTask(cluster, taskArn, t -> "RUNNING".equals(t.getString("lastStatus")));
        long before = System.nanoTime();
        stopTask(cluster, taskArn);
        JsonPath stopped = awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
        Duration took = Duration.ofNanos(System.nanoTime() - before);
        assertEquals(137, stopped.getInt("containers[0].exitCode"), "killed after SIGTERM was ignored");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0 && took.compareTo(Duration.ofSeconds(25)) < 0,
                "stopTimeout 3 s honoured (not the default 30 s): " + took);
    }

    @Test
    void aFailingHealthCheckMakesTheServiceReplaceTheTask() throws Exception {
        Map<String, Object> sick = container("sick", "exec sleep 300");
        sick.put("healthCheck", Map.of("command", List.of("CMD-SHELL", "exit 1"), "interval", 5, "timeout", 2,
                "retries", 1));
        String family = register("sick", List.of(sick));
        String service = "sick-" + RUN;
        as("acme-deployer").body(Map.of("serviceName", service, "taskDefinition", family, "desiredCount", 1))
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then().statusCode(200);
        try {
            String first = awaitOtherServiceTask(cluster, service, null);
            long deadline = System.nanoTime() + WAIT.toNanos();
            JsonPath replaced = null;
            while (System.nanoTime() < deadline && replaced == null) {
                JsonPath task = task(cluster, first);
                if ("STOPPED".equals(task.getString("lastStatus"))) {
                    replaced = task;
                }
                Thread.sleep(500);
            }
            assertTrue(replaced != null, "the unhealthy task was stopped");
            assertEquals("UNHEALTHY", replaced.getString("healthStatus"));
            String next = awaitOtherServiceTask(cluster, service, replaced.getString("taskArn"));
            assertTrue(next != null, "the service started a new task");
        } finally {
            as("acme-deployer").body(Map.of("desiredCount", 0))
                    .put("/api/scheduler/v1/clusters/" + cluster + "/services/" + service);
        }
    }

    @Test
    void aTaskWithARoleReadsItsOwnTokenFromTheCredentialsEndpointInItsEnvironment() throws Exception {
        String role = "agent-e2e-" + RUN;
        as("acme-admin").body(Map.of("name", role, "scopes", List.of("api:read")))
                .post("/api/iam/v1/task-roles").then().statusCode(201);
        String group = "/e2e/credentials-" + RUN;
        // the endpoint answers with the task's own key only (exit 2 if it answered without); the image has no /tmp
        Map<String, Object> app = container("app", "for i in 1 2 3 4 5 6 7 8 9 10; do "
                + "if c=$(wget -qO- --header \"Authorization: $BERTH_CONTAINER_AUTHORIZATION_TOKEN\" "
                + "\"$BERTH_CONTAINER_CREDENTIALS_URI\"); then "
                + "wget -qO- \"$BERTH_CONTAINER_CREDENTIALS_URI\" > /dev/null 2>&1 && exit 2; "
                + "echo \"$c\" && exit 0; fi; sleep 1; done; exit 1");
        app.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of("awslogs-group", group,
                "awslogs-stream-prefix", "c")));
        String family = "agent-credentials-" + RUN;
        String definition = as("acme-deployer").body(Map.of("family", family, "taskRoleArn", "arn:berth:iam::acme:role/" + role,
                        "containerDefinitions", List.of(app)))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(201)
                .extract().path("taskDefinition.taskDefinitionArn");
        try (EventsReader logs = EventsReader.atEndOf("berth.logs")) {
            String taskArn = runTask(cluster, definition);
            String taskId = id(taskArn);
            JsonPath stopped = awaitTask(cluster, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
            assertEquals(0, stopped.getInt("containers[0].exitCode"),
                    "the container got its credentials with its key, and none without");

            List<String> lines = new ArrayList<>();
            // berth.logs also carries other streams (the audit trail's JSON lines among them): this task's only
            logs.read(e -> {
                if (!e.key().equals(group + "/c/app/" + taskId)) {
                    return false;
                }
                e.value().path("detail").path("events").forEach(l -> lines.add(l.path("message").asText()));
                return lines.stream().anyMatch(l -> l.startsWith("{"));
            }, 1, WAIT);
            JsonNode credentials = JSON.readTree(lines.stream().filter(l -> l.startsWith("{")).findFirst().orElseThrow(
                    () -> new AssertionError("no credentials printed: " + lines)));
            assertEquals(taskId, credentials.path("taskId").asText());
            JsonNode claims = Tokens.claims(credentials.path("token").asText());
            assertEquals(taskId, claims.path("task_id").asText());
            assertEquals(role, claims.path("task_role").asText());

            // it listens where the host's containers reach it (the container network's gateway), not on every interface
            URI endpoint = URI.create(inspect("berth-" + taskId + "-app").path("Config").path("Env").toString()
                    .replaceAll(".*BERTH_CONTAINER_CREDENTIALS_URI=([^\"]*)\".*", "$1"));
            assertFalse(List.of("127.0.0.1", "0.0.0.0", "localhost").contains(endpoint.getHost()), endpoint.toString());
            boolean refused;
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.getPort()
                        + endpoint.getPath())).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                refused = false;
            } catch (java.net.ConnectException e) {
                refused = true;
            }
            assertTrue(refused, "nothing answers on the loopback at " + endpoint.getPort());
        }
    }

    @Test
    void anAgentRestartKeepsItsContainersRunningAndTakesThemOver() throws Exception {
        String own = newCluster();
        try (AgentProcess agent = AgentProcess.start(dir.resolve("agent-restart"), own, registrationToken(own, 1), "r")) {
            String taskArn = runTask(own, register("long", List.of(container("app", "exec sleep 300"))));
            String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
            awaitTask(own, taskArn, t -> "RUNNING".equals(t.getString("lastStatus")));
            String startedAt = inspect("berth-" + taskId + "-app").path("State").path("StartedAt").asText();

            agent.stop();
            assertTrue(inspect("berth-" + taskId + "-app").path("State").path("Running").asBoolean(),
                    "the container runs on while the agent is down");
            agent.restart();
            assertTrue(agent.log().contains("taking over task " + taskArn), agent.log());
            Thread.sleep(2000);
            assertEquals("RUNNING", task(own, taskArn).getString("lastStatus"));
            assertEquals(startedAt, inspect("berth-" + taskId + "-app").path("State").path("StartedAt").asText(),
                    "the same container, never restarted");

            stopTask(own, taskArn);
            JsonPath stopped = awaitTask(own, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
            assertTrue(stopped.get("containers[0].exitCode") != null, "the taken-over container was stopped by the agent");
        }
    }

    @Test
    void stoppedContainersAreCleanedUpOnceOldEnough() throws Exception {
        String own = newCluster();
        try (AgentProcess agent = AgentProcess.start(dir.resolve("agent-cleanup"), own, registrationToken(own, 1), "gc",
                "--cleanup-containers-after", "PT1S", "--cleanup-every", "PT2S")) {
            String taskArn = runTask(own, register("short", List.of(container("app", "exit 0"))));
            awaitTask(own, taskArn, t -> "STOPPED".equals(t.getString("lastStatus")));
            // as a failed start of an older agent left them: created, never started (from an image the
            // engine holds now: the task's, pulled by digest)
            String leftover = "berth-leftover-" + RUN;
            String image = docker("images", "-q").output().trim().split("\\s+")[0];
            Commands.Result created = docker("create", "--name", leftover, "--label", "berth.host-id=" + agent.hostId(),
                    "--entrypoint", "/bin/busybox", image, "true");
            assertEquals(0, created.exitCode(), created.output());
            String name = "berth-" + id(taskArn) + "-app";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((docker("inspect", name).exitCode() == 0 || docker("inspect", leftover).exitCode() == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertTrue(docker("inspect", name).exitCode() != 0, "the stopped container was removed");
            assertTrue(docker("inspect", leftover).exitCode() != 0, "the never started container was removed");
        }
    }

    /**
     * What a new ECS user does: an AWS-shaped service of 4 with a dynamic host port, spread over two
     * zones by ECS's attribute name on two agents of one machine, its output arriving; a rolling
     * update that keeps the spread and completes; a drained host whose tasks move; a killed agent
     * whose host is given up within the loss bound (30 s) and whose tasks run again on the other.
     */
    @Test
    void aNewUsersServiceSpreadsRollsDrainsAndSurvivesAKilledAgent() throws Exception {
        String own = newCluster();
        String token = registrationToken(own, 2);
        String group = "/e2e/web-" + RUN;
        String service = "/api/scheduler/v1/clusters/" + own + "/services/web";
        String v1 = register("web", List.of(web(group, "1")));
        // two agents of one machine, each with its own dynamic port range as ./platform gives them
        try (AgentProcess a = AgentProcess.start(dir.resolve("agent-story-a"), own, token, "story-a",
                     "--dynamic-ports", "61000-61099");
             AgentProcess b = AgentProcess.start(dir.resolve("agent-story-b"), own, token, "story-b",
                     "--dynamic-ports", "61100-61199");
             EventsReader logs = EventsReader.atEndOf("berth.logs");
             EventsReader metrics = EventsReader.atEndOf("berth.metrics")) {
            as("acme-deployer").body(Map.of("serviceName", "web", "taskDefinition", v1, "desiredCount", 4,
                            "placementStrategy", List.of(Map.of("type", "spread", "field", "attribute:ecs.availability-zone")),
                            "deploymentConfiguration", Map.of("minimumHealthyPercent", 50, "maximumPercent", 200,
                                    "deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))))
                    .post("/api/scheduler/v1/clusters/" + own + "/services").then().statusCode(200);
            Map<String, String> hostOf = awaitRunning(own, "web", 4);
            assertEquals(Map.of(a.hostId(), 2L, b.hostId(), 2L), perHost(hostOf), "2 and 2 over the zones");

            Set<String> streams = new HashSet<>();
            logs.read(e -> e.key().startsWith(group + "/web/web/") && streams.add(e.key()) && false, 1, Duration.ofSeconds(5));
            Set<String> expected = new HashSet<>();
            hostOf.keySet().forEach(arn -> expected.add(group + "/web/web/" + id(arn)));
            assertTrue(streams.containsAll(expected), "every task's output arrives: " + streams);
            List<EventsReader.Event> utilization = metrics.read(e -> {
                for (JsonNode point : e.value().path("detail").path("datapoints")) {
                    if (point.path("name").asText().equals("CPUUtilization")
                            && point.path("dimensions").path("ServiceName").asText().equals("web")
                            && point.path("dimensions").path("ClusterName").asText().equals(own)) {
                        return true;
                    }
                }
                return false;
            }, 1, Duration.ofSeconds(30));
            assertFalse(utilization.isEmpty(), "the service's CPUUtilization reaches berth.metrics every 10 s");

            // rolling update: completes once, no failed deployment, the spread kept
            String v2 = register("web", List.of(web(group, "2")));
            as("acme-deployer").body(Map.of("taskDefinition", v2)).put(service).then().statusCode(200);
            JsonPath rolled = awaitService(own, s -> s.getList("service.deployments").size() == 1
                    && v2.equals(s.getString("service.deployments[0].taskDefinition"))
                    && "COMPLETED".equals(s.getString("service.deployments[0].rolloutState")));
            assertEquals(4, rolled.getInt("service.runningCount"));
            Map<String, String> updated = awaitRunning(own, "web", 4);
            assertEquals(Map.of(a.hostId(), 2L, b.hostId(), 2L), perHost(updated), "still 2 and 2 after the update");
            for (String arn : updated.keySet()) {
                assertEquals(v2, task(own, arn).getString("taskDefinitionArn"));
            }

            // drain a: its tasks move to b; active again, it takes new tasks
            as("acme-admin").body(Map.of("containerInstances", List.of(a.hostId()), "status", "DRAINING"))
                    .post("/api/scheduler/v1/clusters/" + own + "/container-instances/state").then().statusCode(200);
            awaitRunning(own, "web", 4, WAIT, b.hostId());
            as("acme-admin").body(Map.of("containerInstances", List.of(a.hostId()), "status", "ACTIVE"))
                    .post("/api/scheduler/v1/clusters/" + own + "/container-instances/state").then().statusCode(200);

            // b killed: given up within the loss bound, its tasks replaced on a
            Map<String, String> onB = awaitRunning(own, "web", 4, WAIT, b.hostId());
            b.kill();
            Map<String, String> after = awaitRunning(own, "web", 4, Duration.ofSeconds(90), a.hostId());
            assertEquals(Set.of(a.hostId()), new HashSet<>(after.values()), "all four now on the surviving agent");
            for (String lost : onB.keySet()) {
                JsonPath task = task(own, lost);
                assertEquals("STOPPED", task.getString("lastStatus"));
                assertEquals("HostLost", task.getString("stopCode"));
            }
            JsonPath end = as("acme-viewer").get(service).then().statusCode(200).extract().jsonPath();
            assertFalse(end.getList("service.deployments.rolloutState", String.class).contains("FAILED"),
                    end.prettify());
            as("acme-deployer").body(Map.of("desiredCount", 0)).put(service);
        }
    }

    /** The walk-through's web container: an HTTP server on a dynamic host port, and a line a second. */
    private static Map<String, Object> web(String group, String version) {
        Map<String, Object> web = container("web", "httpd -p 8080 -h /bin && while true; do "
                + "echo serving version $VERSION from $HOSTNAME; sleep 1; done");
        web.put("environment", List.of(Map.of("name", "VERSION", "value", version)));
        web.put("portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp")));
        web.put("stopTimeout", 2);
        web.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of("awslogs-group", group,
                "awslogs-stream-prefix", "web")));
        return web;
    }

    private static Map<String, Long> perHost(Map<String, String> hostOfTask) {
        return hostOfTask.values().stream().collect(Collectors.groupingBy(h -> h, Collectors.counting()));
    }

    private static JsonPath awaitService(String cluster, Predicate<JsonPath> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonPath service = null;
        while (System.nanoTime() < deadline) {
            service = as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/services/web").then()
                    .statusCode(200).extract().jsonPath();
            if (condition.test(service)) {
                return service;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("service web of " + cluster + " did not get there: "
                + (service == null ? "" : service.prettify()));
    }

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification as(String user) {
        return given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    private static String newCluster() {
        String name = "agents-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("clusterName", name)).post("/api/scheduler/v1/clusters").then().statusCode(200);
        clusters.add(name);
        return name;
    }

    private static String registrationToken(String cluster, int uses) {
        return as("acme-admin").body(Map.of("cluster", cluster, "maxUses", uses))
                .post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().path("token");
    }

    /** A container of the test image running {@code script} in its shell. */
    private static Map<String, Object> container(String name, String script) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", IMAGE);
        container.put("memory", 32);
        container.put("entryPoint", List.of("/bin/busybox"));
        container.put("command", List.of("sh", "-c", script));
        return container;
    }

    private static String register(String family, List<Map<String, Object>> containers) {
        String name = "agent-" + family + "-" + RUN;
        return as("acme-deployer").body(Map.of("family", name, "containerDefinitions", containers))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(201)
                .extract().path("taskDefinition.taskDefinitionArn");
    }

    private static String runTask(String cluster, String taskDefinition) {
        return as("acme-deployer").body(Map.of("taskDefinition", taskDefinition))
                .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                .extract().path("tasks[0].taskArn");
    }

    private static void stopTask(String cluster, String taskArn) {
        as("acme-deployer").body(Map.of("reason", "stopped by the test"))
                .post("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + id(taskArn) + "/stop").then().statusCode(200);
    }

    private static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static JsonPath task(String cluster, String taskArn) {
        return as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + id(taskArn))
                .then().statusCode(200).extract().jsonPath().setRootPath("task");
    }

    private static JsonPath awaitTask(String cluster, String taskArn, Predicate<JsonPath> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath task = task(cluster, taskArn);
        while (!condition.test(task)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task " + taskArn + " did not get there within " + WAIT + ": " + task.prettify()
                        + "\nagent a:\n" + zoneA.log());
            }
            Thread.sleep(250);
            task = task(cluster, taskArn);
        }
        return task;
    }

    private static List<String> serviceTasks(String cluster, String service, String status) {
        return as("acme-viewer").queryParam("serviceName", service).queryParam("desiredStatus", status)
                .get("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                .extract().jsonPath().getList("taskArns");
    }

    private static String awaitOtherServiceTask(String cluster, String service, String not) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String arn : serviceTasks(cluster, service, "RUNNING")) {
                if (!arn.equals(not)) {
                    return arn;
                }
            }
            Thread.sleep(250);
        }
        return null;
    }

    private static Map<String, String> awaitRunning(String cluster, String service, int count) throws Exception {
        return awaitRunning(cluster, service, count, WAIT, null);
    }

    /** Task ARN to host id once {@code count} tasks of the service run (all on {@code onHost} if given). */
    private static Map<String, String> awaitRunning(String cluster, String service, int count, Duration within,
                                                    String onHost) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, String> running = Map.of();
        while (System.nanoTime() < deadline) {
            running = new LinkedHashMap<>();
            for (String arn : serviceTasks(cluster, service, "RUNNING")) {
                JsonPath task = task(cluster, arn);
                if ("RUNNING".equals(task.getString("lastStatus"))) {
                    String arnOfHost = task.getString("containerInstanceArn");
                    running.put(arn, arnOfHost.substring(arnOfHost.lastIndexOf('/') + 1));
                }
            }
            if (running.size() == count && (onHost == null || running.values().stream().allMatch(onHost::equals))) {
                return running;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(count + " tasks of " + service + " not RUNNING within " + within + ": " + running);
    }

    private static Commands.Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Commands.run(Map.of("DOCKER_HOST", AgentProcess.engineSocket(),
                "DOCKER_CONFIG", dir.resolve("docker").toString()), null, command);
    }

    private static JsonNode inspect(String container) throws Exception {
        Commands.Result result = docker("inspect", container);
        assertEquals(0, result.exitCode(), result.output());
        return JSON.readTree(result.output()).get(0);
    }
}
