package dev.berth.autoscaler.ecsmetrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ECS metrics job's settings ({@code berth.autoscaler.ecs-metrics.*}). */
@ConfigMapping(prefix = "berth.autoscaler.ecs-metrics")
public interface EcsMetricsConfig {

    /**
     * Windows of 10 s written as high-resolution datapoints (their 1-minute sets are the rollup of six
     * of them, as CloudWatch keeps high-resolution metrics) instead of AWS's 1-minute windows.
     */
    @WithDefault("true")
    boolean highResolution();

    /**
     * How long after a window's end its samples may still arrive (agent → scheduler → Kafka → here);
     * the window is closed then, and a sample arriving later is left out.
     */
    @WithDefault("2s")
    Duration lateness();

    /** After a stop, windows older than this are not written any more. */
    @WithDefault("15m")
    Duration catchUp();

    /** Stopped tasks are kept this long (a change delivered again after that may bring one back). */
    @WithDefault("1h")
    Duration stoppedTaskRetention();

    /** How often the job looks for windows to close: a 10 s window is written at most this long after it is due. */
    @WithDefault("1s")
    String closeEvery();

    default Duration window() {
        return highResolution() ? EcsMetricsAggregator.HIGH_RESOLUTION_WINDOW : EcsMetricsAggregator.STANDARD_WINDOW;
    }
}
