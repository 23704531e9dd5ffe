package dev.berth.registry.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The registry's settings: each one's default is the value the registry had before it was a setting. */
class RegistryConfigTest {

    private static RegistryConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Path.class, 100, new PathConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(RegistryConfig.class)
                .build();
        return config.getConfigMapping(RegistryConfig.class);
    }

    @Test
    void defaultsAreTheFormerBuiltInValues() {
        RegistryConfig config = config(Map.of());
        assertEquals(Path.of("data/registry"), config.storageDir());
        assertEquals(1L << 20, config.maxJsonBodySize().asLongValue());
        assertEquals(100, config.maxOpenUploadsPerTenant());
        assertEquals(Duration.ofHours(24), config.uploadExpiry());
        assertEquals(Duration.ofHours(1), config.lifecycleInterval());
        assertEquals(Duration.ofMinutes(5), config.lifecycleDelay());
        assertEquals(8L << 20, config.batchGet().maxResponseBytes().asLongValue());
        assertEquals(Duration.ofHours(1), config.gc().grace());
        assertEquals(Duration.ofHours(6), config.gc().interval());
        assertEquals(Duration.ofMinutes(10), config.gc().delay());
        assertEquals(10_000, config.gc().batchSize());
        assertEquals(OptionalLong.of(50L << 30), config.quota().limitOf("acme"));
    }

    @Test
    void aTenantsQuotaOverridesTheDefaultAndZeroMeansNone() {
        RegistryConfig config = config(Map.of("berth.registry.quota.default-bytes", "0",
                "berth.registry.quota.tenants.globex", "1000", "berth.registry.gc.batch-size", "50"));
        assertEquals(OptionalLong.empty(), config.quota().limitOf("acme"));
        assertEquals(OptionalLong.of(1000), config.quota().limitOf("globex"));
        assertEquals(50, config.gc().batchSize());
    }
}
