package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.scaling.ScalableTargetId;
import java.util.UUID;

/**
 * A scaling policy's ARN in Berth's form, AWS's
 * {@code arn:aws:autoscaling:<region>:<account>:scalingPolicy:<uuid>:resource/ecs/<resource id>:policyName/<name>}
 * without a region. The {@code :scalingPolicy:} part is what tells the alarms a policy from a notification.
 */
public final class PolicyArns {

    private PolicyArns() {
    }

    public static String of(String tenant, UUID id, ScalableTargetId target, String policyName) {
        return "arn:berth:autoscaling::" + tenant + ":scalingPolicy:" + id + ":resource/" + target.namespace().awsName()
                + "/" + target.resourceId() + ":policyName/" + policyName;
    }
}
