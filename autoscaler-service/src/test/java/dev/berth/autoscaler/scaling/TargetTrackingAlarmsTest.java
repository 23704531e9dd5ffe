package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alarms a target tracking policy creates for an ECS service. */
class TargetTrackingAlarmsTest {

    private static final EcsServiceResourceId WEB = EcsServiceResourceId.parse("service/default/web");
    private static final UUID HIGH = UUID.fromString("d4f0770c-b46e-434a-a60f-3b36d653feca");
    private static final UUID LOW = UUID.fromString("1b437334-d19b-4a63-a812-6c67aaf2910d");

    private static TargetTrackingConfiguration config(String type, double target, Boolean disableScaleIn, Boolean highResolution) {
        return TargetTrackingConfiguration.of(target, TrackedMetric.Predefined.of(type, null), null, null, null,
                disableScaleIn, highResolution);
    }

    @ParameterizedTest(name = "{0} target {1}")
    @CsvSource(textBlock = """
            ECSServiceAverageCPUUtilization, 50, CPUUtilization, 45
            ECSServiceAverageMemoryUtilization, 70, MemoryUtilization, 63
            ECSServiceAverageCPUUtilization, 33, CPUUtilization, 29.7
            ECSServiceAverageCPUUtilization, 0.5, CPUUtilization, 0.45
            """)
    void highAndLowAlarmAsAwsMakesThem(String type, double target, String metricName, double lowThreshold) {
        List<SynthesizedAlarm> alarms = TargetTrackingAlarms.of(WEB, config(type, target, null, null), HIGH, LOW);
        assertEquals(2, alarms.size());
        List<MetricDimension> dimensions = List.of(new MetricDimension("ClusterName", "default"),
                new MetricDimension("ServiceName", "web"));

        SynthesizedAlarm high = alarms.get(0);
        assertEquals(new SynthesizedAlarm(SynthesizedAlarm.Role.HIGH,
                "TargetTracking-service/default/web-AlarmHigh-d4f0770c-b46e-434a-a60f-3b36d653feca", "AWS/ECS", metricName,
                dimensions, MetricStatistic.AVERAGE, null, 60, 3, 3, target, "GreaterThanThreshold", "missing"), high);

        SynthesizedAlarm low = alarms.get(1);
        assertEquals(new SynthesizedAlarm(SynthesizedAlarm.Role.LOW,
                "TargetTracking-service/default/web-AlarmLow-1b437334-d19b-4a63-a812-6c67aaf2910d", "AWS/ECS", metricName,
                dimensions, MetricStatistic.AVERAGE, null, 60, 15, 15, lowThreshold, "LessThanThreshold", "missing"), low);
    }

    @Test
    void noLowAlarmWhenScaleInIsDisabled() {
        List<SynthesizedAlarm> alarms = TargetTrackingAlarms.of(WEB,
                config("ECSServiceAverageCPUUtilization", 50, true, null), HIGH, LOW);
        assertEquals(List.of(SynthesizedAlarm.Role.HIGH), alarms.stream().map(SynthesizedAlarm::role).toList());
    }

    @Test
    void highResolutionDecidesOnOneTenSecondPeriodAndScalesInAfterFifteen() {
        List<SynthesizedAlarm> alarms = TargetTrackingAlarms.of(WEB,
                config("ECSServiceAverageCPUUtilization", 50, null, true), HIGH, LOW);
        SynthesizedAlarm high = alarms.get(0);
        assertEquals(10, high.periodSeconds());
        assertEquals(1, high.evaluationPeriods());
        assertEquals(1, high.datapointsToAlarm());
        // a breach is decided when the first breaching 10-second period closes: within 15 s
        assertTrue(high.periodSeconds() * high.datapointsToAlarm() <= 15);
        SynthesizedAlarm low = alarms.get(1);
        assertEquals(10, low.periodSeconds());
        assertEquals(15, low.evaluationPeriods());
        assertEquals(15, low.datapointsToAlarm());
    }

    @Test
    void albRequestCountIsSummedPerTargetGroup() {
        TargetTrackingConfiguration config = TargetTrackingConfiguration.of(1000.0, TrackedMetric.Predefined.of(
                "ALBRequestCountPerTarget", "app/my-alb/778d41231b141a0f/targetgroup/web-tg/943f017f100becff"),
                null, null, null, null, null);
        SynthesizedAlarm high = TargetTrackingAlarms.of(WEB, config, HIGH, LOW).get(0);
        assertEquals("AWS/ApplicationELB", high.namespace());
        assertEquals("RequestCountPerTarget", high.metricName());
        assertEquals(List.of(new MetricDimension("TargetGroup", "targetgroup/web-tg/943f017f100becff")), high.dimensions());
        assertEquals(MetricStatistic.SUM, high.statistic());
    }

    @Test
    void customizedMetricIsWatchedAsGiven() {
        TrackedMetric.Customized queue = TrackedMetric.Customized.of("App", "BacklogPerTask",
                List.of(new MetricDimension("Queue", "jobs")), "Maximum", "Count");
        TargetTrackingConfiguration config = TargetTrackingConfiguration.of(10.0, null, queue, null, null, null, null);
        SynthesizedAlarm low = TargetTrackingAlarms.of(WEB, config, HIGH, LOW).get(1);
        assertEquals("App", low.namespace());
        assertEquals("BacklogPerTask", low.metricName());
        assertEquals(queue.dimensions(), low.dimensions());
        assertEquals(MetricStatistic.MAXIMUM, low.statistic());
        assertEquals("Count", low.unit());
        assertEquals(9.0, low.threshold());
    }

    @Test
    void aLongResourceIdIsCutSoThatTheNameFitsCloudWatch() {
        String name = "n".repeat(255);
        EcsServiceResourceId longId = EcsServiceResourceId.parse("service/" + name + "/" + name);
        String alarmName = TargetTrackingAlarms.alarmName(longId, SynthesizedAlarm.Role.HIGH, HIGH);
        assertEquals(255, alarmName.length());
        assertTrue(alarmName.startsWith("TargetTracking-service/nnn"), alarmName);
        assertTrue(alarmName.endsWith("-AlarmHigh-" + HIGH), alarmName);
    }
}
