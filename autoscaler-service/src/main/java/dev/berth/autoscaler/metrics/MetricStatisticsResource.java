package dev.berth.autoscaler.metrics;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch's GetMetricStatistics for the caller's tenant. */
@Path("/api/autoscaler/v1/metric-statistics")
@Tag(name = "Metrics")
public class MetricStatisticsResource {

    @Inject
    MetricsService service;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Requires(Action.READ)
    @Operation(operationId = "GetMetricStatistics", summary = "Statistics of one metric per period, at most 1,440 periods")
    public Uni<GetMetricStatisticsResponse> getMetricStatistics(GetMetricStatisticsRequest request) {
        return service.getMetricStatistics(principal.tenant(), request);
    }
}
