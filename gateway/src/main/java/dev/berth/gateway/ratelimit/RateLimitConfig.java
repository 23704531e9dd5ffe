package dev.berth.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request rate limits of the gateway, per tenant and per client (a user or service account). */
@ConfigMapping(prefix = "berth.gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    Limit tenant();

    Limit client();

    /**
     * Limits of the image data plane ({@code /v2/...} except the token endpoint), which clients
     * call several times per layer: a push of a 200-layer image is some 800 requests.
     */
    Registry registry();

    interface Registry {
        Limit tenant();

        Limit client();
    }

    interface Limit {
        /** Sustained requests per second. */
        double requestsPerSecond();

        /** How many requests may come at once after a quiet spell. */
        int burst();
    }
}
