package dev.berth.autoscaler.scaling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of scalable targets, capacity changes and scaling activities ({@code berth.autoscaler.scaling.*}). */
@ConfigMapping(prefix = "berth.autoscaler.scaling")
public interface ScalingConfig {

    /** Scalable targets a tenant may register. */
    @WithDefault("500")
    int maxTargetsPerTenant();

    /** A capacity change with no outcome after this long is sent again (same action id: the scheduler dedupes). */
    @WithDefault("2m")
    Duration resendAfter();

    /** Scaling activities are kept this long, as AWS keeps six weeks of them. */
    @WithDefault("42d")
    Duration activityRetention();

    /** Activities deleted by one run of the cleanup. */
    @WithDefault("10000")
    int cleanupBatch();

    /** Capacity changes re-sent by one run of the re-send job. */
    @WithDefault("500")
    int resendBatch();
}
