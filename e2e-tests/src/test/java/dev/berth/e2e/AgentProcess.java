package dev.berth.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code berth-agent} process (the jar the launcher runs), on the platform's container
 * engine, with its own state directory: it can be stopped, killed and started again as the same host.
 */
final class AgentProcess implements AutoCloseable {

    static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");

    private final Path state;
    private final List<String> command;
    private Process process;

    private AgentProcess(Path state, List<String> command) {
        this.state = state;
        this.command = command;
    }

    /**
     * Registers a new host with {@code registrationToken} and waits until it is connected; on the
     * platform's engine unless the options name another {@code --docker-host}.
     */
    static AgentProcess start(Path state, String cluster, String registrationToken, String zone, String... options)
            throws Exception {
        Files.createDirectories(state);
        Path root = LocalPlatform.root();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", root.resolve("services/host-agent/target/berth-agent.jar").toString(),
                "--gateway", GATEWAY, "--cluster", cluster, "--state-dir", state.toString(),
                "--az", zone, "--hostname", "e2e-" + zone, "--registration-token", registrationToken));
        if (!List.of(options).contains("--docker-host")) {
            command.addAll(List.of("--docker-host", engineSocket()));
        }
        command.addAll(List.of(options));
        AgentProcess agent = new AgentProcess(state, command);
        agent.restart();
        return agent;
    }

    /** The platform's Podman API service, which `./platform up` started. */
    static String engineSocket() {
        Path data = Path.of(System.getenv().getOrDefault("BERTH_DATA_DIR", LocalPlatform.root().resolve("data").toString()));
        return "unix://" + data.resolve("podman/podman.sock");
    }

    /** Starts the agent (again) and waits for it to be connected. */
    void restart() throws Exception {
        Path log = state.resolve("agent.log");
        int before = connectedLines(log);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (connectedLines(log) <= before) {
            if (!process.isAlive()) {
                throw new AssertionError("berth-agent exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("berth-agent not connected within 60 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static int connectedLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        return (int) Files.readAllLines(log).stream().filter(l -> l.contains("berth-agent: connected as")).count();
    }

    String hostId() throws IOException {
        Map<?, ?> credentials = new ObjectMapper().readValue(state.resolve("credentials.json").toFile(), Map.class);
        return (String) credentials.get("hostId");
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as a service manager stops it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: the host's agent dies without a word. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String log() throws IOException {
        return Files.readString(state.resolve("agent.log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
