package dev.berth.registry.quota;

import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Storage quotas ({@code berth.registry.quota.*}, part of the registry's settings):
 * {@code default-bytes} for every tenant without one of its own (50 GiB unless set; 0: none)
 * and {@code tenants."<tenant>"} for one tenant (0: none for that tenant).
 */
public interface QuotaConfig {

    /** 50 GiB. */
    @WithDefault("53687091200")
    long defaultBytes();

    Map<String, Long> tenants();

    /** The tenant's limit, or empty when it has none. */
    default OptionalLong limitOf(String tenant) {
        long limit = tenants().getOrDefault(tenant, defaultBytes());
        return limit > 0 ? OptionalLong.of(limit) : OptionalLong.empty();
    }
}
