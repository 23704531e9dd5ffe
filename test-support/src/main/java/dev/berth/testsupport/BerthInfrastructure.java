package dev.berth.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that makes sure the real PostgreSQL, Kafka and Keycloak of the local
 * platform are up before a {@code @QuarkusTest} starts. The services' default configuration
 * already points at them, so nothing needs overriding.
 */
public class BerthInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalPlatform.ensureInfrastructure();
        return Map.of();
    }

    @Override
    public void stop() {
        // the infrastructure outlives a single test class; LocalPlatform stops it at JVM exit
    }
}
