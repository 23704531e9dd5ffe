package dev.berth.scheduler.taskdefinitions;

import dev.berth.scheduler.Arns;
import java.time.OffsetDateTime;

/** One revision as stored: the registered document and what Berth knows about it. */
public record StoredTaskDefinition(String tenant, String family, int revision, TaskDefinitionStatus status,
                                   String document, int cpu, int memory, OffsetDateTime registeredAt,
                                   String registeredBy, OffsetDateTime deregisteredAt) {

    public String arn() {
        return Arns.ecs(tenant, "task-definition/" + family + ":" + revision);
    }
}
