package dev.berth.autoscaler.alarms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of metric alarms ({@code berth.autoscaler.alarms.*}); each default is the value it was built with. */
@ConfigMapping(prefix = "berth.autoscaler.alarms")
public interface AlarmsConfig {

    /** Metric alarms a tenant may have, as CloudWatch's default quota. */
    @WithDefault("5000")
    int maxAlarmsPerTenant();

    /** How often the evaluation job looks for due alarms: a duration, or {@code off}. */
    @WithDefault("2s")
    String evaluateEvery();

    /** Alarms one run of the evaluation job takes at most; the rest wait for the next run. */
    @WithDefault("500")
    int evaluationBatch();

    /** Alarms evaluated at once (each holds a database connection while it reads its metric). */
    @WithDefault("4")
    int evaluationConcurrency();

    /** How often an alarm with a period of a minute or more is evaluated. */
    @WithDefault("60s")
    Duration standardCadence();

    /** How often an alarm with a period under a minute (10, 20 or 30 s) is evaluated. */
    @WithDefault("10s")
    Duration highResolutionCadence();

    /** DescribeAlarmHistory's items are kept this long, as CloudWatch keeps two weeks. */
    @WithDefault("14d")
    Duration historyRetention();

    /** History items one run of the cleanup deletes. */
    @WithDefault("10000")
    int cleanupBatch();
}
