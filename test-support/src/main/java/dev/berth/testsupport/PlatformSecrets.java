package dev.berth.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The credentials {@code ./platform} generates on first start under {@code data/secrets} (one
 * file per secret, mode 0600): what tests and the launcher's own Java tools log in with.
 */
public final class PlatformSecrets {

    /** The services that have a Keycloak client, a database role and a Kafka user of their own. */
    public static final List<String> SERVICES = List.of("gateway", "registry", "scheduler", "autoscaler", "stacks", "logs");

    private PlatformSecrets() {
    }

    /** {@code $BERTH_DATA_DIR/secrets}, else {@code data/secrets} of the repository. */
    public static Path directory() {
        String data = System.getenv("BERTH_DATA_DIR");
        return (data != null && !data.isBlank() ? Path.of(data) : LocalPlatform.root().resolve("data")).resolve("secrets");
    }

    public static String read(String name) {
        return read(directory(), name);
    }

    public static String read(Path directory, String name) {
        Path file = directory.resolve(name);
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("no secret " + file + " (./platform up writes it on first start)", e);
        }
    }

    /** The secret of a platform service's Keycloak client {@code berth-<service>}. */
    public static String clientSecret(String service) {
        return read("client-" + service);
    }

    /** The database role of a service: {@code berth_<service>}, owner of the schema {@code <service>}. */
    public static String databaseUser(String service) {
        return "berth_" + service;
    }

    public static String databasePassword(String service) {
        return read("db-" + service);
    }

    /** The Kafka (SASL/SCRAM) user of a service: {@code berth-<service>}. */
    public static String kafkaUser(String service) {
        return "berth-" + service;
    }

    public static String kafkaPassword(String service) {
        return read("kafka-" + service);
    }

    /** Client properties for a Kafka connection as the broker's administrator (tests read any topic). */
    public static Map<String, Object> kafkaAdminClientProperties() {
        return KafkaSecurity.clientProperties("admin", read("kafka-admin"));
    }
}
