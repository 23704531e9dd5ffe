package dev.berth.autoscaler.scaling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The two alarms of a target tracking policy, as AWS creates them for an ECS service:
 * {@code TargetTracking-<ResourceId>-AlarmHigh-<uuid>} (60 s periods, 3 of 3, GreaterThanThreshold the
 * target) and {@code TargetTracking-<ResourceId>-AlarmLow-<uuid>} (60 s periods, 15 of 15,
 * LessThanThreshold 0.9 × the target, so that scale-in waits until the metric is clearly below). With
 * DisableScaleIn there is no low alarm: nothing would act on it.
 *
 * <p>High resolution (Berth's option): the high alarm uses 10-second periods and 1 of 1 datapoints. Alarms
 * with periods under a minute are evaluated every 10 s at period boundaries, so the first whole 10-second
 * period whose average breaches is decided on when it closes: a sustained breach that starts at a boundary
 * leads to a decision 10 s later, and one that starts inside a period when that period closes if its
 * partial average already breaches (at most 10 s), else when the next one closes. Requiring 2 of 2 would
 * push every decision past 15 s, hence 1 of 1; the scale-out cooldown (the capacity just added counts
 * toward the next scale-out) keeps one noisy period from adding twice. The low alarm keeps AWS's 15 of 15
 * datapoints, of 10-second periods: scale-in stays the slow, sure direction (15 periods clearly below the
 * target), 2.5 minutes instead of 15.
 *
 * <p>Predefined metrics' alarms name no Unit, as AWS's: an alarm with a unit only sees datapoints
 * published with that unit.
 */
public final class TargetTrackingAlarms {

    public static final String PREFIX = "TargetTracking-";
    /** CloudWatch's limit on AlarmName. */
    public static final int MAX_ALARM_NAME_LENGTH = 255;
    public static final BigDecimal LOW_THRESHOLD_FACTOR = new BigDecimal("0.9");

    static final int STANDARD_PERIOD_SECONDS = 60;
    static final int HIGH_EVALUATION_PERIODS = 3;
    static final int LOW_EVALUATION_PERIODS = 15;
    static final int HIGH_RESOLUTION_PERIOD_SECONDS = 10;
    static final int HIGH_RESOLUTION_EVALUATION_PERIODS = 1;

    private TargetTrackingAlarms() {
    }

    /** The alarms for a policy; {@code highId} and {@code lowId} make the names unique (random in AWS). */
    public static List<SynthesizedAlarm> of(EcsServiceResourceId resourceId, TargetTrackingConfiguration config,
            UUID highId, UUID lowId) {
        List<SynthesizedAlarm> alarms = new ArrayList<>(2);
        int period = config.highResolution() ? HIGH_RESOLUTION_PERIOD_SECONDS : STANDARD_PERIOD_SECONDS;
        int highPeriods = config.highResolution() ? HIGH_RESOLUTION_EVALUATION_PERIODS : HIGH_EVALUATION_PERIODS;
        alarms.add(alarm(SynthesizedAlarm.Role.HIGH, resourceId, config, highId, period, highPeriods,
                config.targetValue(), "GreaterThanThreshold"));
        if (config.scaleInEnabled()) {
            alarms.add(alarm(SynthesizedAlarm.Role.LOW, resourceId, config, lowId, period, LOW_EVALUATION_PERIODS,
                    lowThreshold(config.targetValue()), "LessThanThreshold"));
        }
        return alarms;
    }

    /** 0.9 × the target, in decimal so that a target of 70 gives 63, not 63.00000000000001. */
    public static double lowThreshold(double targetValue) {
        return BigDecimal.valueOf(targetValue).multiply(LOW_THRESHOLD_FACTOR).doubleValue();
    }

    /**
     * {@code TargetTracking-<ResourceId>-AlarmHigh-<uuid>}. An ECS ResourceId may be up to 519 characters,
     * more than CloudWatch's 255 for a name: Berth then cuts the ResourceId part and keeps the unique suffix.
     */
    public static String alarmName(EcsServiceResourceId resourceId, SynthesizedAlarm.Role role, UUID id) {
        String suffix = "-" + role.nameInfix() + "-" + id;
        String resource = resourceId.toString();
        int room = MAX_ALARM_NAME_LENGTH - PREFIX.length() - suffix.length();
        return PREFIX + (resource.length() > room ? resource.substring(0, room) : resource) + suffix;
    }

    private static SynthesizedAlarm alarm(SynthesizedAlarm.Role role, EcsServiceResourceId resourceId,
            TargetTrackingConfiguration config, UUID id, int period, int evaluationPeriods, double threshold,
            String comparison) {
        String name = alarmName(resourceId, role, id);
        return switch (config.metric()) {
            case TrackedMetric.Predefined predefined -> new SynthesizedAlarm(role, name, predefined.type().namespace(),
                    predefined.type().metricName(), dimensions(resourceId, predefined),
                    predefined.type() == PredefinedMetricType.ALB_REQUEST_COUNT_PER_TARGET ? MetricStatistic.SUM : MetricStatistic.AVERAGE,
                    null, period, evaluationPeriods, evaluationPeriods, threshold, comparison, "missing");
            case TrackedMetric.Customized customized -> new SynthesizedAlarm(role, name, customized.namespace(),
                    customized.metricName(), customized.dimensions(), customized.statistic(), customized.unit(),
                    period, evaluationPeriods, evaluationPeriods, threshold, comparison, "missing");
        };
    }

    private static List<MetricDimension> dimensions(EcsServiceResourceId resourceId, TrackedMetric.Predefined metric) {
        if (metric.type() == PredefinedMetricType.ALB_REQUEST_COUNT_PER_TARGET) {
            return List.of(new MetricDimension("TargetGroup", metric.targetGroup()));
        }
        return List.of(new MetricDimension("ClusterName", resourceId.clusterName()),
                new MetricDimension("ServiceName", resourceId.serviceName()));
    }
}
