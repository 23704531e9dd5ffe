package dev.berth.common.secrets;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** Stops the service at start when one of its credentials is a known default (DESIGN.md §5). */
@ApplicationScoped
public class StartupSecretsCheck {

    static final List<String> SECRET_KEYS = List.of(
            "berth.client-secret", "berth.db.password", "berth.kafka.password", "quarkus.oidc.credentials.secret");

    void onStart(@Observes StartupEvent event, Config config) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String key : SECRET_KEYS) {
            config.getOptionalValue(key, String.class).ifPresent(value -> secrets.put(key, value));
        }
        List<String> offenders = KnownDefaultSecrets.offenders(secrets);
        if (!offenders.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join(", ", offenders)
                    + " is set to a well-known default value; use the secrets ./platform generates under data/secrets"
                    + " (or your own, from a secret store)");
        }
    }
}
