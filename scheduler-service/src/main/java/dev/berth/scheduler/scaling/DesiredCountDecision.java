package dev.berth.scheduler.scaling;

import dev.berth.common.scaling.ScalingAction;
import dev.berth.common.scaling.ScalingOutcome;
import dev.berth.scheduler.services.Service;
import dev.berth.scheduler.services.ServiceStatus;
import java.util.Optional;

/**
 * What the scheduler makes of the autoscaler's desired count for a service: set within the
 * scalable target's bounds and the scheduler's own cap; refused for a service that is gone, not
 * ACTIVE or DAEMON; and, as ECS does, a scale-in waits while a deployment of the service is in
 * progress (a scale-out goes on).
 */
public final class DesiredCountDecision {

    private DesiredCountDecision() {
    }

    public static ScalingOutcome decide(ScalingAction action, Optional<Service> found, boolean deploymentInProgress,
                                        int maxDesiredCount) {
        int wanted = Math.min(maxDesiredCount, Math.max(action.minCapacity(), Math.min(action.maxCapacity(),
                action.desiredCount())));
        if (found.isEmpty() || found.get().status() != ServiceStatus.ACTIVE) {
            return failed(action, found, wanted, found.isEmpty() ? "service " + action.service() + " not found in cluster "
                    + action.cluster() : "service " + action.service() + " is " + found.get().status());
        }
        Service service = found.get();
        if (service.daemon()) {
            return failed(action, found, wanted, "a DAEMON service runs one task on each container instance, "
                    + "so its desired count cannot be set");
        }
        if (wanted < service.desiredCount() && action.scaleIn() && deploymentInProgress) {
            return new ScalingOutcome(action.actionId(), action.resourceId(), ScalingOutcome.Status.UNFULFILLED,
                    "Scale-in to " + wanted + " is held: a deployment of the service is in progress.",
                    service.desiredCount(), service.desiredCount());
        }
        return new ScalingOutcome(action.actionId(), action.resourceId(), ScalingOutcome.Status.SUCCESSFUL,
                "Successfully set desired count to " + wanted + ". Change successfully fulfilled by ecs.",
                service.desiredCount(), wanted);
    }

    private static ScalingOutcome failed(ScalingAction action, Optional<Service> found, int wanted, String reason) {
        Integer count = found.map(Service::desiredCount).orElse(null);
        return new ScalingOutcome(action.actionId(), action.resourceId(), ScalingOutcome.Status.FAILED,
                "Failed to set desired count to " + wanted + ". Reason: " + reason + ".", count, count);
    }
}
