package dev.berth.autoscaler.metrics;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch's ListMetrics for the caller's tenant, with dimension filters in the query protocol's form. */
@Path("/api/autoscaler/v1/metrics")
@Tag(name = "Metrics")
public class ListMetricsResource {

    private static final String MEMBER = "Dimensions.member.";

    @Inject
    MetricsService service;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListMetrics", summary = "List the tenant's metrics, 500 a page")
    @Parameters({
        @Parameter(name = "Dimensions.member.N.Name", in = ParameterIn.QUERY, description = "Dimension filters as "
            + "CloudWatch's query protocol writes them: Dimensions.member.1.Name, Dimensions.member.1.Value (optional: "
            + "any value), Dimensions.member.2.Name, ... up to 10"),
        @Parameter(name = "Dimensions.member.N.Value", in = ParameterIn.QUERY, description = "The value filter N must "
            + "match; without it any value of that dimension matches")})
    public Uni<ListMetricsResponse> listMetrics(@QueryParam("Namespace") String namespace,
                                                @QueryParam("MetricName") String metricName,
                                                @QueryParam("RecentlyActive")
                                                @Parameter(description = "PT3H: only metrics with data in the last "
                                                        + "three hours (without it: the last two weeks)")
                                                String recentlyActive,
                                                @QueryParam("NextToken") String nextToken,
                                                @Context UriInfo uri) {
        List<MetricStore.DimensionFilter> filters = dimensionFilters(uri.getQueryParameters());
        return service.listMetrics(principal.tenant(), namespace, metricName, filters, recentlyActive, nextToken);
    }

    /** {@code Dimensions.member.N.Name} / {@code .Value}, N from 1, in N's order. */
    static List<MetricStore.DimensionFilter> dimensionFilters(MultivaluedMap<String, String> query) {
        TreeMap<Integer, String[]> members = new TreeMap<>();
        for (var entry : query.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(MEMBER)) {
                continue;
            }
            String[] parts = key.substring(MEMBER.length()).split("\\.", -1);
            int n;
            try {
                n = parts.length == 2 ? Integer.parseInt(parts[0]) : -1;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MetricsService.MAX_DIMENSION_FILTERS || !(parts[1].equals("Name") || parts[1].equals("Value"))) {
                throw new InvalidInputException(key, "dimension filters are Dimensions.member.N.Name and "
                        + "Dimensions.member.N.Value, N from 1 to " + MetricsService.MAX_DIMENSION_FILTERS);
            }
            if (entry.getValue().size() != 1) {
                throw new InvalidInputException(key, "given more than once");
            }
            members.computeIfAbsent(n, k -> new String[2])[parts[1].equals("Name") ? 0 : 1] = entry.getValue().getFirst();
        }
        List<MetricStore.DimensionFilter> filters = new ArrayList<>();
        members.forEach((n, nameValue) -> {
            String at = MEMBER + n;
            if (nameValue[0] == null) {
                throw new InvalidInputException(at + ".Name", "required");
            }
            String name = MetricNames.dimensionName(at + ".Name", nameValue[0]);
            String value = nameValue[1] == null ? null : MetricNames.dimensionValue(at + ".Value", nameValue[1]);
            filters.add(new MetricStore.DimensionFilter(name, value));
        });
        return filters;
    }
}
