package dev.berth.autoscaler.scaling;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Whether an ECS service exists and its desired count, from the scheduler. A service that is not there (or
 * not ACTIVE) is refused as AWS refuses it: ValidationException naming ResourceId.
 */
@ApplicationScoped
public class ScalableServices {

    @Inject
    @RestClient
    SchedulerServicesClient scheduler;

    public Uni<Integer> desiredCount(EcsServiceResourceId id, String authorization) {
        return scheduler.describe(id.clusterName(), id.serviceName(), authorization)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    if (status == 404 || status == 400) {
                        return missing(id);
                    }
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The scheduler could not tell whether " + id
                            + " exists (HTTP " + status + "); try again");
                })
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The scheduler could not be reached to look up " + id + "; try again"))
                .map(found -> {
                    if (found == null || found.service() == null || !"ACTIVE".equals(found.service().status())) {
                        throw missing(id);
                    }
                    if ("DAEMON".equals(found.service().schedulingStrategy())) {
                        throw ValidationErrors.invalid("ResourceId", "ECS service " + id
                                + " uses the DAEMON scheduling strategy: its desired count cannot be scaled");
                    }
                    return found.service().desiredCount();
                });
    }

    private static RuntimeException missing(EcsServiceResourceId id) {
        return ValidationErrors.invalid("ResourceId", "ECS service doesn't exist: " + id);
    }
}
