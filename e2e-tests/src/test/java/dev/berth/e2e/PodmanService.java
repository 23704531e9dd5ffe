package dev.berth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Podman's Docker-compatible API on a private socket (there is no Docker engine here, DESIGN.md §3),
 * so the docker CLI runs the way users run it. Its own registries.conf marks Berth's gateway as a
 * plain-HTTP registry, and its containers.conf gives containers the limits and runtime these
 * machines need.
 */
final class PodmanService implements AutoCloseable {

    private final Process process;
    private final Path socket;

    private PodmanService(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    static PodmanService start(Path directory, String insecureRegistry) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path registries = Files.writeString(directory.resolve("registries.conf"),
                "unqualified-search-registries = []\n[[registry]]\nlocation = \"" + insecureRegistry + "\"\ninsecure = true\n");
        Path containers = Files.writeString(directory.resolve("containers.conf"),
                "[containers]\ndefault_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]\n[engine]\nruntime = \"runc\"\n");
        Path socket = directory.resolve("podman.sock");
        ProcessBuilder builder = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true).redirectOutput(directory.resolve("service.log").toFile());
        builder.environment().put("CONTAINERS_REGISTRIES_CONF", registries.toString());
        builder.environment().put("CONTAINERS_CONF", containers.toString());
        PodmanService service = new PodmanService(builder.start(), socket);
        service.awaitReady(directory.resolve("docker-probe"));
        return service;
    }

    private void awaitReady(Path probeConfig) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("podman system service exited with " + process.exitValue());
            }
            if (Files.exists(socket) && Commands.run(dockerEnvironment(probeConfig), null,
                    List.of("docker", "version")).exitCode() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Podman's API did not answer on " + socket + " within 30 s");
    }

    /** DOCKER_HOST pointing at this service, and a docker CLI config directory of the caller's own. */
    Map<String, String> dockerEnvironment(Path dockerConfig) {
        return Map.of("DOCKER_HOST", "unix://" + socket, "DOCKER_CONFIG", dockerConfig.toString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
