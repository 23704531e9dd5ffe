package dev.berth.scheduler.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.scheduler.Arns;
import dev.berth.scheduler.deployments.DeploymentConfiguration;
import java.time.Instant;

/** An ECS service of a cluster: what should run, how many, and how to roll out changes. */
public record Service(String tenant, String cluster, String name, ServiceStatus status,
                      SchedulingStrategy schedulingStrategy,
                      int desiredCount, String taskDefinitionArn, DeploymentConfiguration bounds,
                      boolean circuitBreaker, boolean rollback, JsonNode placementConstraints,
                      JsonNode placementStrategy, int healthCheckGraceSeconds, boolean steady,
                      String lastPlacementFailure, Instant lastPlacementFailureAt, Instant createdAt, String createdBy) {

    public String arn() {
        return Arns.ecs(tenant, "service/" + cluster + "/" + name);
    }

    public boolean daemon() {
        return schedulingStrategy == SchedulingStrategy.DAEMON;
    }

    /** The task group of the service's tasks (what spread and distinctInstance count). */
    public String group() {
        return "service:" + name;
    }
}
