package dev.berth.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Quarkus test resource that makes sure the real PostgreSQL, Kafka and Keycloak of the local
 * platform are up before a {@code @QuarkusTest} starts, and hands the service under test the
 * credentials {@code ./platform} generated for it (its database role, Kafka user and Keycloak
 * client secret), exactly as the launcher passes them to the running service.
 */
public class BerthInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalPlatform.ensureInfrastructure();
        return credentialsOf(serviceUnderTest());
    }

    static Map<String, String> credentialsOf(String service) {
        Map<String, String> config = new HashMap<>();
        config.put("berth.client-secret", PlatformSecrets.clientSecret(service));
        config.put("berth.db.user", PlatformSecrets.databaseUser(service));
        config.put("berth.db.password", PlatformSecrets.databasePassword(service));
        config.put("berth.kafka.user", PlatformSecrets.kafkaUser(service));
        config.put("berth.kafka.password", PlatformSecrets.kafkaPassword(service));
        return config;
    }

    /** {@code berth.service.name} of the module under test, from its application.properties. */
    private static String serviceUnderTest() {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("no application.properties on the test classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("could not read application.properties", e);
        }
        String service = properties.getProperty("berth.service.name");
        if (service == null || !PlatformSecrets.SERVICES.contains(service)) {
            throw new IllegalStateException("berth.service.name must be one of " + PlatformSecrets.SERVICES + ": " + service);
        }
        return service;
    }

    @Override
    public void stop() {
        // the infrastructure outlives a single test class; LocalPlatform stops it at JVM exit
    }
}
