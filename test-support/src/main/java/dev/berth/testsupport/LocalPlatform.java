package dev.berth.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code ./platform} from tests, so tests run on exactly the PostgreSQL, Kafka and
 * Keycloak (and services) a user gets. What a test JVM starts it also stops when the JVM
 * exits; what was already running (e.g. started by {@code ./platform test}) is reused and left alone.
 */
public final class LocalPlatform {

    public static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "keycloak", "podman");
    public static final List<String> SERVICES = List.of("gateway", "registry", "scheduler", "autoscaler", "stacks", "logs");

    private static final List<String> startedHere = new ArrayList<>();
    private static boolean shutdownHookInstalled;

    private LocalPlatform() {
    }

    /** Brings up the shared infrastructure once per JVM. */
    public static synchronized void ensureInfrastructure() {
        ensureRunning(INFRASTRUCTURE);
    }

    /** Brings up the infrastructure and every service. */
    public static synchronized void ensureWholePlatform() {
        List<String> all = new ArrayList<>(INFRASTRUCTURE);
        all.addAll(SERVICES);
        ensureRunning(all);
    }

    private static void ensureRunning(List<String> components) {
        List<String> missing = components.stream().filter(c -> !isRunning(c)).toList();
        if (missing.isEmpty()) {
            return;
        }
        installShutdownHook();
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(missing);
        run(600, args.toArray(String[]::new));
        startedHere.addAll(missing);
    }

    public static boolean isRunning(String component) {
        return launcher(60, "status", component) == 0;
    }

    public static void stop(String component) {
        run(120, "down", component);
    }

    public static void start(String component) {
        run(300, "up", component);
    }

    private static void installShutdownHook() {
        if (shutdownHookInstalled) {
            return;
        }
        shutdownHookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!startedHere.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("down"));
                args.addAll(startedHere);
                launcher(180, args.toArray(String[]::new));
            }
        }));
    }

    private static void run(int timeoutSeconds, String... args) {
        int exit = launcher(timeoutSeconds, args);
        if (exit != 0) {
            throw new IllegalStateException("./platform " + String.join(" ", args) + " exited with " + exit
                    + "; see its output above and the logs under data/logs");
        }
    }

    private static int launcher(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("platform").toString());
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).directory(root().toFile()).inheritIO().start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./platform " + String.join(" ", args)
                        + " did not finish within " + timeoutSeconds + "s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./platform: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./platform", e);
        }
    }

    /** The repository root: the nearest directory above the working directory holding the launcher. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isExecutable(dir.resolve("platform")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no ./platform launcher above " + Path.of("").toAbsolutePath());
    }
}
