package dev.berth.autoscaler.metrics;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
