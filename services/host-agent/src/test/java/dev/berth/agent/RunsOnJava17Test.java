package dev.berth.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentSession;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A stock Debian 12 host has Java 17: the agent and the protocol it speaks are built for it and run on it. */
class RunsOnJava17Test {

    private static final int JAVA_17_CLASS_VERSION = 61;

    @Test
    void theAgentAndItsProtocolAreCompiledForJava17() throws IOException {
        for (Class<?> type : List.of(BerthAgent.class, Agent.class, AgentMessage.class, AgentSession.class)) {
            assertTrue(majorVersion(type) <= JAVA_17_CLASS_VERSION,
                    type.getName() + " has class file version " + majorVersion(type) + ", Java 17 reads up to 61");
        }
    }

    /** Runs where the machine has a JDK 17 besides the one building (Debian's openjdk-17 package). */
    @Test
    void helpRunsOnJava17() throws Exception {
        Optional<Path> java17 = java17();
        assumeTrue(java17.isPresent(), "no Java 17 under /usr/lib/jvm");
        Process help = new ProcessBuilder(java17.get().toString(), "-cp", System.getProperty("java.class.path"),
                BerthAgent.class.getName(), "--help").redirectErrorStream(true).start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue(), output);
        assertTrue(output.contains("--gateway") && output.contains("Usage: berth-agent"), output);
    }

    private static int majorVersion(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            DataInputStream data = new DataInputStream(in);
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }

    private static Optional<Path> java17() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> {
                try {
                    Path release = home.resolve("release");
                    return Files.isRegularFile(release)
                            && Files.readString(release).contains("JAVA_VERSION=\"17");
                } catch (IOException e) {
                    return false;
                }
            }).map(home -> home.resolve("bin/java")).filter(Files::isExecutable).findFirst();
        }
    }
}
