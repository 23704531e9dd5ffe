package dev.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.KafkaSecurity;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.PlatformSecrets;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No secret ships in the repository (DESIGN.md §5): every credential is this install's own, the
 * defaults once written in the repository open nothing, and a service configured with one
 * refuses to start. Each backend also takes only its own users: PostgreSQL a password per
 * service role, Kafka a SCRAM login with ACLs per service.
 */
class PlatformSecretsIT {

    private static final String KEYCLOAK = TestUsers.KEYCLOAK;
    private static final String KAFKA = env("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("BERTH_KAFKA_PORT", "9092"));
    private static final String DB = "jdbc:postgresql://127.0.0.1:" + env("BERTH_PG_PORT", "15432") + "/berth";
    private static final String OLD_DEFAULT = "berth-service-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void platformIsUp() {
        LocalPlatform.ensureWholePlatform();
    }

    @Test
    void secretsAreThisInstallsOwnAndReadableOnlyByItsOwner() throws Exception {
        Path directory = PlatformSecrets.directory();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            }
        }
        assertNotEquals(PlatformSecrets.clientSecret("gateway"), PlatformSecrets.clientSecret("scheduler"));
        assertTrue(PlatformSecrets.clientSecret("scheduler").length() >= 32);
    }

    @Test
    void aPlatformClientTokenWithTheOldDefaultSecretIsRefusedByKeycloak() throws Exception {
        for (String service : PlatformSecrets.SERVICES) {
            assertEquals(401, clientCredentials("berth-" + service, OLD_DEFAULT).statusCode(), service);
            assertEquals(200, clientCredentials("berth-" + service, PlatformSecrets.clientSecret(service)).statusCode(), service);
        }
    }

    @Test
    void passwordGuessingLocksTheUserOutEvenForTheRightPassword() throws Exception {
        String password = UUID.randomUUID().toString();
        String user = TestUsers.create("guessed", password);
        assertEquals(200, passwordGrant(user, password).statusCode());
        for (int i = 0; i < 3; i++) {
            assertNotEquals(200, passwordGrant(user, "guess-" + i).statusCode());
        }
        HttpResponse<String> locked = passwordGrant(user, password);
        assertNotEquals(200, locked.statusCode(), locked.body());
    }

    @Test
    void aServiceConfiguredWithAKnownDefaultRefusesToStart() throws Exception {
        Path jar = LocalPlatform.root().resolve("registry-service/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("BERTH_DB_PASSWORD", PlatformSecrets.databasePassword("registry"));
        builder.environment().put("BERTH_KAFKA_PASSWORD", PlatformSecrets.kafkaPassword("registry"));
        builder.environment().put("BERTH_CLIENT_SECRET", OLD_DEFAULT);
        builder.environment().put("BERTH_DATA_DIR", Files.createTempDirectory("berth-refuse").toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service kept running with a known default secret");
        String log = new String(output, StandardCharsets.UTF_8);
        assertNotEquals(0, process.exitValue(), log);
        assertTrue(log.contains("berth.client-secret is set to a well-known default value"), log);
    }

    @Test
    void eachServiceLogsInToPostgresAsItsOwnRoleAndReachesOnlyItsOwnSchema() throws Exception {
        assertThrows(SQLException.class, () -> DriverManager.getConnection(DB, "postgres", "postgres").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(DB, "berth_logs", "").close());
        try (var c = DriverManager.getConnection(DB, "berth_logs", PlatformSecrets.databasePassword("logs"));
             var s = c.createStatement()) {
            s.execute("SELECT count(*) FROM logs.flyway_schema_history");
            SQLException denied = assertThrows(SQLException.class,
                    () -> s.execute("SELECT count(*) FROM gateway.flyway_schema_history"));
            assertEquals("42501", denied.getSQLState(), denied.getMessage());
            assertThrows(SQLException.class, () -> s.execute("CREATE TABLE gateway.intruder (id int)"));
        }
    }

    @Test
    void kafkaTakesOnlyScramLoginsAndAServiceWritesOnlyItsOwnTopics() throws Exception {
        ExecutionException unauthenticated = assertThrows(ExecutionException.class,
                () -> send(KafkaSecurity.clientProperties("berth-gateway", OLD_DEFAULT), "berth.events"));
        assertTrue(unauthenticated.getCause() instanceof SaslAuthenticationException, unauthenticated.toString());

        Map<String, Object> gateway = KafkaSecurity.clientProperties("berth-gateway", PlatformSecrets.kafkaPassword("gateway"));
        send(gateway, "berth.events");
        ExecutionException forged = assertThrows(ExecutionException.class, () -> send(gateway, "berth.task-state"));
        assertTrue(forged.getCause() instanceof TopicAuthorizationException, forged.toString());
        ExecutionException logs = assertThrows(ExecutionException.class, () -> send(gateway, "berth.logs"));
        assertTrue(logs.getCause() instanceof TopicAuthorizationException, logs.toString());
    }

    private static void send(Map<String, Object> security, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            try {
                producer.send(new ProducerRecord<>(topic, "isolation-test", "{}")).get(15, TimeUnit.SECONDS);
            } catch (KafkaException e) {
                // an authentication failure can surface from send() itself, before any future exists
                throw new ExecutionException(e);
            }
        }
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return form("/realms/berth/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private static HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        return form("/realms/berth/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "berth-cli", "username", username, "password", password));
    }

    private static HttpResponse<String> form(String path, Map<String, String> parameters) throws Exception {
        String body = String.join("&", parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
