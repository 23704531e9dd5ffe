package dev.berth.autoscaler.metrics;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch's PutMetricData for the caller's tenant: writing data needs the deploy level, as writing logs does. */
@Path("/api/autoscaler/v1/metric-data")
@Tag(name = "Metrics")
public class PutMetricDataResource {

    @Inject
    MetricsService service;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "PutMetricData", summary = "Publish data points of up to 1,000 metrics")
    @APIResponse(responseCode = "204", description = "Stored")
    public Uni<Void> putMetricData(PutMetricDataRequest request) {
        return service.putMetricData(principal.tenant(), request);
    }
}
