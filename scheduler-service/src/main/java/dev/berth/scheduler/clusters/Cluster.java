package dev.berth.scheduler.clusters;

import java.time.OffsetDateTime;

/** An ECS cluster of one tenant. */
public record Cluster(String tenant, String name, String status, OffsetDateTime createdAt) {

    public String arn() {
        return "arn:berth:ecs::" + tenant + ":cluster/" + name;
    }
}
