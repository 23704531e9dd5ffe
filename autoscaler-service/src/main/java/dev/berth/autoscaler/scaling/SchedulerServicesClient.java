package dev.berth.autoscaler.scaling;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The scheduler's DescribeServices through the gateway, called with the caller's own token: a service the
 * caller cannot see does not exist for the caller's targets either.
 */
@RegisterRestClient(configKey = "gateway")
@Path("/api/scheduler/v1/clusters/{cluster}/services/{service}")
public interface SchedulerServicesClient {

    /** The members of the scheduler's ServiceView the autoscaler reads. */
    record ServiceView(String serviceName, String status, int desiredCount, String schedulingStrategy) {
    }

    record ServiceResponse(ServiceView service) {
    }

    @GET
    Uni<ServiceResponse> describe(@PathParam("cluster") String cluster, @PathParam("service") String service,
            @HeaderParam("Authorization") String authorization);
}
