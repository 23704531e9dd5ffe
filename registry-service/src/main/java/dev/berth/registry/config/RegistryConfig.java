package dev.berth.registry.config;

import dev.berth.registry.quota.QuotaConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Every setting of the registry ({@code berth.registry.*}), with the value it has when not set. */
@ConfigMapping(prefix = "berth.registry")
public interface RegistryConfig {

    /** Where blob files and upload sessions are kept. */
    @WithDefault("data/registry")
    Path storageDir();

    /** The largest JSON body the management API ({@code /api/**}) takes; 413 beyond it. */
    @WithDefault("1M")
    MemorySize maxJsonBodySize();

    /** Blob upload sessions one tenant may have open at once; 429 TOOMANYREQUESTS beyond it. */
    @WithDefault("100")
    int maxOpenUploadsPerTenant();

    /** How long an upload session may stay unfinished before garbage collection discards it. */
    @WithDefault("PT24H")
    Duration uploadExpiry();

    /** How often the lifecycle policies of every repository are applied. */
    @WithDefault("1h")
    Duration lifecycleInterval();

    /** How long after start the lifecycle policies are first applied. */
    @WithDefault("5m")
    Duration lifecycleDelay();

    BatchGet batchGet();

    GarbageCollection gc();

    QuotaConfig quota();

    /** BatchGetImage. */
    interface BatchGet {

        /** Bytes of manifests one answer holds at most; images past it are failures to ask for again. */
        @WithDefault("8M")
        MemorySize maxResponseBytes();
    }

    /** Garbage collection of blobs no image refers to and of expired uploads. */
    interface GarbageCollection {

        /** How long an unreferenced blob is kept (a push uploads layers before its manifest). */
        @WithDefault("PT1H")
        Duration grace();

        /** How often garbage collection runs. */
        @WithDefault("6h")
        Duration interval();

        /** How long after start it first runs. */
        @WithDefault("10m")
        Duration delay();

        /** Blobs one run looks at, at most; the rest wait for the next run. */
        @WithDefault("10000")
        int batchSize();
    }
}
