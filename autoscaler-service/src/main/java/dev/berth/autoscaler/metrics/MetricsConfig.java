package dev.berth.autoscaler.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The metric store's settings ({@code berth.autoscaler.metrics.*}); each default is the value it was built with. */
@ConfigMapping(prefix = "berth.autoscaler.metrics")
public interface MetricsConfig {

    /** Distinct metrics (namespace, name, dimensions) a tenant may have; data of further new metrics is refused. */
    @WithDefault("100000")
    int maxMetricsPerTenant();

    /** How often rollups and retention run: a duration such as {@code 60s}, or {@code off}. */
    @WithDefault("60s")
    String rollupEvery();

    /** Finer rows one rollup statement takes. */
    @WithDefault("20000")
    int rollupBatch();

    /** Rows one retention statement deletes. */
    @WithDefault("20000")
    int retentionBatch();

    /** How long one housekeeping run may go on before leaving the rest to the next. */
    @WithDefault("20s")
    Duration housekeepingTimeBudget();

    /** Kafka message ids are remembered this long for deduplication (longer than Kafka keeps messages). */
    @WithDefault("8d")
    Duration processedMessageRetention();

    /** Metric ids kept in memory so that steady ingestion does not look them up. */
    @WithDefault("200000")
    int idCacheSize();
}
