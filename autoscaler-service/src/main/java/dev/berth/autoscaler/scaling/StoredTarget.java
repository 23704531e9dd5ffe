package dev.berth.autoscaler.scaling;

import java.time.Instant;

/** A tenant's registered target as stored, with the service's desired count as last known (null: unknown). */
public record StoredTarget(String tenant, String arn, ScalableTarget target, Integer knownDesiredCount, Instant createdAt) {

    public static String arn(String tenant, String id) {
        return "arn:berth:application-autoscaling::" + tenant + ":scalable-target/" + id;
    }
}
