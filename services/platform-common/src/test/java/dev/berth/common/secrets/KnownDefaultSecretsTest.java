package dev.berth.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownDefaultSecretsTest {

    @Test
    void theDefaultsOnceWrittenInTheRepositoryAreKnown() {
        assertTrue(KnownDefaultSecrets.isKnown("berth-service-secret"));
        assertTrue(KnownDefaultSecrets.isKnown("postgres"));
        assertTrue(KnownDefaultSecrets.isKnown("berth-admin"));
        assertTrue(KnownDefaultSecrets.isKnown(" Berth-Demo "));
    }

    @Test
    void generatedSecretsAreNot() {
        assertFalse(KnownDefaultSecrets.isKnown("4f1c0e9d2b7a46e8a1c3d5f7092b4e6c8a0d2f4b6c8e0a2c4e6f8a0b2c4d6e8f"));
        assertFalse(KnownDefaultSecrets.isKnown(null));
    }

    @Test
    void namesEveryOffendingKey() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("berth.db.password", "postgres");
        secrets.put("berth.client-secret", "berth-service-secret");
        secrets.put("berth.kafka.password", "0b6f5c2d9e8a47f1b3c5d7e9f1a3b5c7");
        assertEquals(List.of("berth.client-secret", "berth.db.password"), KnownDefaultSecrets.offenders(secrets));
    }
}
