package dev.berth.autoscaler.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.autoscaler.alarms.AlarmActionSink;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyArnsTest {

    private static final UUID ID = UUID.fromString("6d8972f3-efc8-437c-92d1-6270f29a66e7");

    @Test
    void awsFormWithoutARegion() {
        assertEquals("arn:berth:autoscaling::acme:scalingPolicy:6d8972f3-efc8-437c-92d1-6270f29a66e7:resource/ecs/"
                        + "service/default/web:policyName/cpu50",
                PolicyArns.of("acme", ID, ScalableTargetId.ecsService("default", "web"), "cpu50"));
    }

    @Test
    void theAlarmsTellItForAScalingPolicy() {
        AlarmActionSink sink = (tenant, alarm, evaluation, arns) -> null;
        assertTrue(sink.isScalingPolicy(PolicyArns.of("acme", ID, ScalableTargetId.ecsService("c", "s"), "step out")));
    }
}
