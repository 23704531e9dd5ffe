package dev.berth.autoscaler.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.autoscaler.alarms.PutMetricAlarmRequest;
import dev.berth.autoscaler.metrics.Dimension;
import dev.berth.autoscaler.scaling.EcsServiceResourceId;
import dev.berth.autoscaler.scaling.SynthesizedAlarm;
import dev.berth.autoscaler.scaling.TargetTrackingAlarms;
import dev.berth.autoscaler.scaling.TargetTrackingConfiguration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Target tracking's two alarms as the PutMetricAlarm calls that create them, acting on the policy. */
class ManagedAlarmRequestsTest {

    private static final String ARN = "arn:berth:autoscaling::acme:scalingPolicy:1:resource/ecs/service/default/web:policyName/cpu70";

    @Test
    void highAndLowAlarmsActOnThePolicy() {
        TargetTrackingConfiguration config = PolicyConfigurations.targetTracking(
                new PolicyMessages.TargetTrackingScalingPolicyConfiguration(70.0,
                        new PolicyMessages.PredefinedMetricSpecification("ECSServiceAverageCPUUtilization", null), null, null,
                        null, null));
        List<SynthesizedAlarm> alarms = TargetTrackingAlarms.of(new EcsServiceResourceId("default", "web"), config,
                UUID.randomUUID(), UUID.randomUUID());
        PutMetricAlarmRequest high = ManagedAlarmRequests.of(alarms.get(0), ARN);
        PutMetricAlarmRequest low = ManagedAlarmRequests.of(alarms.get(1), ARN);

        assertTrue(high.alarmName().startsWith("TargetTracking-service/default/web-AlarmHigh-"), high.alarmName());
        assertEquals("GreaterThanThreshold", high.comparisonOperator());
        assertEquals(70.0, high.threshold());
        assertEquals(60, high.period());
        assertEquals(3, high.evaluationPeriods());
        assertTrue(low.alarmName().startsWith("TargetTracking-service/default/web-AlarmLow-"), low.alarmName());
        assertEquals("LessThanThreshold", low.comparisonOperator());
        assertEquals(63.0, low.threshold());
        assertEquals(15, low.evaluationPeriods());
        for (PutMetricAlarmRequest alarm : List.of(high, low)) {
            assertEquals(List.of(ARN), alarm.alarmActions());
            assertEquals("AWS/ECS", alarm.namespace());
            assertEquals("CPUUtilization", alarm.metricName());
            assertEquals("Average", alarm.statistic());
            assertEquals(List.of(new Dimension("ClusterName", "default"), new Dimension("ServiceName", "web")), alarm.dimensions());
            assertEquals("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + ARN, alarm.alarmDescription());
        }
    }
}
