package dev.berth.testsupport;

import java.util.Map;

/** SASL/SCRAM client settings for the platform's broker, which accepts nothing else. */
public final class KafkaSecurity {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private KafkaSecurity() {
    }

    public static Map<String, Object> clientProperties(String user, String password) {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig(user, password));
    }

    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
