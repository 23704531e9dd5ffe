package dev.berth.logs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The logs service's settings ({@code berth.logs.*}): what a tenant may store, and the tuning of
 * housekeeping, searches, live tails and the caches in front of PostgreSQL. Every default is the
 * value the service was built and measured with.
 */
@ConfigMapping(prefix = "berth.logs")
public interface LogsConfig {

    /** Bytes of events a tenant stores, counted as CloudWatch bills them (message in UTF-8 plus 26 per event). */
    @WithDefault("10737418240")
    long tenantQuotaBytes();

    @WithDefault("10000")
    int maxLogGroupsPerTenant();

    /** CloudWatch's limit per log group. */
    @WithDefault("100")
    int maxMetricFiltersPerGroup();

    /** CloudWatch's quota: each of them runs a regular expression on every event of the group. */
    @WithDefault("5")
    int maxRegexMetricFiltersPerGroup();

    /** How often housekeeping runs (retention moves and drops, partitions ahead, purges). */
    @WithDefault("5m")
    Duration housekeepingEvery();

    Housekeeping housekeeping();

    Search search();

    Tail tail();

    Cache cache();

    /** The background work on stored events. */
    interface Housekeeping {

        /** Events removed per statement when purging deleted groups and streams. */
        @WithDefault("50000")
        int purgeChunkEvents();

        /** How long one run may spend removing deleted groups' and streams' events. */
        @WithDefault("60s")
        Duration purgeTime();

        /** Events moved per transaction to the partitions of a group's new retention. */
        @WithDefault("50000")
        int moveChunkEvents();

        /** How long one run may spend moving events of groups whose retention changed. */
        @WithDefault("60s")
        Duration moveTime();

        /** Day partitions created ahead of today, so that the first events of a day do not wait for DDL. */
        @WithDefault("1")
        int partitionDaysAhead();

        /** How long ids of ingested Kafka messages are kept to drop redelivered ones; longer than Kafka keeps them. */
        @WithDefault("8d")
        Duration processedMessageRetention();
    }

    /** FilterLogEvents: one call reads slices of a group's events until its time budget is spent. */
    interface Search {

        /** Rows read per statement. */
        @WithDefault("5000")
        int sliceRows();

        /** Bytes of candidate messages one statement returns at most. */
        @WithDefault("8388608")
        long sliceBytes();

        /** The search time of one call before it answers with what it found and a nextToken. */
        @WithDefault("150ms")
        Duration timeBudget();
    }

    /** Live tails read berth.logs directly while at least one is open. */
    interface Tail {

        /** The longest one poll of berth.logs waits for records. */
        @WithDefault("100ms")
        Duration pollTimeout();

        @WithDefault("200")
        int maxPollRecords();

        /** Wait before reading berth.logs again after it failed. */
        @WithDefault("1s")
        Duration retryAfter();
    }

    /** What is read again from PostgreSQL only every so often. */
    interface Cache {

        /** How long a tenant's stored bytes are reused for the quota check; the quota may be overshot by what is written meanwhile. */
        @WithDefault("5s")
        Duration storedBytes();

        /** How long a group's metric filters are reused; a new or changed filter applies to events stored after it. */
        @WithDefault("5s")
        Duration metricFilters();

        /** The least time between two log lines about batches refused for the same reason. */
        @WithDefault("10s")
        Duration ingestWarningsQuiet();
    }
}
