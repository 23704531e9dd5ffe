package dev.berth.autoscaler.scheduledactions;

import dev.berth.autoscaler.scaling.ScalableTargetId;
import java.time.Instant;

/** A tenant's scheduled action of a target, as stored; {@code nextRunAt} null once no run is left. */
public record StoredScheduledAction(String tenant, ScalableTargetId target, String arn, ScheduledAction action,
        Instant nextRunAt) {

    public static String arn(String tenant, String id, ScalableTargetId target, String name) {
        return "arn:berth:autoscaling::" + tenant + ":scheduledAction:" + id + ":resource/ecs/"
                + target.resourceId() + ":scheduledActionName/" + name;
    }
}
