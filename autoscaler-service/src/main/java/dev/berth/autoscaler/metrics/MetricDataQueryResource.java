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

/**
 * GetMetricData at {@code POST metric-data:query}; the colon may come escaped as {@code %3A}
 * ({@link ActionPathsFilter} gives the document its literal path).
 */
@Path("/api/autoscaler/v1/{query: metric-data(?::|%3[Aa])query}")
@Tag(name = "Metrics")
public class MetricDataQueryResource {

    @Inject
    MetricsService service;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Requires(Action.READ)
    @Operation(operationId = "GetMetricData", summary = "Series of up to 500 metric queries, paged by MaxDatapoints")
    public Uni<GetMetricDataResponse> getMetricData(GetMetricDataRequest request) {
        return service.getMetricData(principal.tenant(), request);
    }
}
