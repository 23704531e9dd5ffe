package dev.berth.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How every service checks bearer tokens. */
@ConfigMapping(prefix = "berth.auth")
public interface AuthConfig {

    /**
     * How many verified tokens a service remembers (by their hash, until they expire) so that a
     * repeated token is not verified again; 0 verifies every call.
     */
    @WithDefault("10000")
    long verifiedTokenCacheSize();
}
