package dev.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real command-line clients (podman, skopeo, buildah, umoci, docker) the way a user does. */
final class Commands {

    record Result(int exitCode, String output) {
        Result requireSuccess() {
            assertTrue(exitCode == 0, "exit " + exitCode + ": " + output);
            return this;
        }
    }

    private Commands() {
    }

    static Result run(List<String> command) {
        return run((Path) null, null, command);
    }

    static Result run(Path directory, String stdin, List<String> command) {
        return run(directory, stdin, 180, command);
    }

    static Result run(Path directory, String stdin, long timeoutSeconds, List<String> command) {
        return run(Map.of(), directory, stdin, timeoutSeconds, command);
    }

    /** Runs with extra environment variables (the docker CLI takes its daemon and config from them). */
    static Result run(Map<String, String> environment, String stdin, List<String> command) {
        return run(environment, null, stdin, 180, command);
    }

    private static Result run(Map<String, String> environment, Path directory, String stdin, long timeoutSeconds,
            List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + " (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
