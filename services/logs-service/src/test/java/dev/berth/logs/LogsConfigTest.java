package dev.berth.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The logs settings: their defaults are the values the service had built in, and each can be set by its name. */
class LogsConfigTest {

    private static LogsConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(LogsConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(LogsConfig.class);
    }

    @Test
    void defaultsAreTheFormerBuiltInValues() {
        LogsConfig config = config(Map.of());
        assertEquals(10_737_418_240L, config.tenantQuotaBytes());
        assertEquals(10_000, config.maxLogGroupsPerTenant());
        assertEquals(100, config.maxMetricFiltersPerGroup());
        assertEquals(5, config.maxRegexMetricFiltersPerGroup());
        assertEquals(Duration.ofMinutes(5), config.housekeepingEvery());
        assertEquals(50_000, config.housekeeping().purgeChunkEvents());
        assertEquals(Duration.ofSeconds(60), config.housekeeping().purgeTime());
        assertEquals(50_000, config.housekeeping().moveChunkEvents());
        assertEquals(Duration.ofSeconds(60), config.housekeeping().moveTime());
        assertEquals(1, config.housekeeping().partitionDaysAhead());
        assertEquals(Duration.ofDays(8), config.housekeeping().processedMessageRetention());
        assertEquals(5_000, config.search().sliceRows());
        assertEquals(8L << 20, config.search().sliceBytes());
        assertEquals(Duration.ofMillis(150), config.search().timeBudget());
        assertEquals(Duration.ofMillis(100), config.tail().pollTimeout());
        assertEquals(200, config.tail().maxPollRecords());
        assertEquals(Duration.ofSeconds(1), config.tail().retryAfter());
        assertEquals(Duration.ofSeconds(5), config.cache().storedBytes());
        assertEquals(Duration.ofSeconds(5), config.cache().metricFilters());
        assertEquals(Duration.ofSeconds(10), config.cache().ingestWarningsQuiet());
    }

    @Test
    void settingsAreReadByTheirDocumentedNames() {
        LogsConfig config = config(Map.of(
                "berth.logs.tenant-quota-bytes", "1",
                "berth.logs.max-log-groups-per-tenant", "3",
                "berth.logs.housekeeping-every", "30s",
                "berth.logs.housekeeping.partition-days-ahead", "2",
                "berth.logs.search.slice-rows", "10",
                "berth.logs.tail.poll-timeout", "250ms",
                "berth.logs.cache.stored-bytes", "1s"));
        assertEquals(1, config.tenantQuotaBytes());
        assertEquals(3, config.maxLogGroupsPerTenant());
        assertEquals(Duration.ofSeconds(30), config.housekeepingEvery());
        assertEquals(2, config.housekeeping().partitionDaysAhead());
        assertEquals(10, config.search().sliceRows());
        assertEquals(Duration.ofMillis(250), config.tail().pollTimeout());
        assertEquals(Duration.ofSeconds(1), config.cache().storedBytes());
    }
}
