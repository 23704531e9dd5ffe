package dev.berth.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SASL settings of the service's own Kafka user ({@code kafka.*} in the configuration), for
 * Kafka clients a service makes itself; SmallRye's channels take the same keys on their own.
 */
@ApplicationScoped
public class KafkaClientSecurity {

    private final Map<String, Object> properties;

    KafkaClientSecurity(@ConfigProperty(name = "kafka.security.protocol") String protocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") String mechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") String jaasConfig) {
        this.properties = Map.of(
                "security.protocol", protocol,
                "sasl.mechanism", mechanism,
                "sasl.jaas.config", jaasConfig);
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
