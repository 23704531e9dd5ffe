package dev.berth.autoscaler.metrics;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * GetMetricData is named with a colon action, {@code metric-data:query}; its resource matches the colon or its
 * escape with a regular expression, which the generated document shows as a path parameter. Here it gets its
 * literal path back, without that parameter.
 */
@OpenApiFilter
public class ActionPathsFilter implements OASFilter {

    private static final String GENERATED = "/api/autoscaler/v1/{query}";
    private static final String LITERAL = "/api/autoscaler/v1/metric-data:query";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        PathItem item = paths.getPathItem(GENERATED);
        if (item != null) {
            paths.removePathItem(GENERATED);
            if (item.getPOST() != null && item.getPOST().getParameters() != null) {
                item.getPOST().getParameters().removeIf(p -> "query".equals(p.getName()));
            }
            paths.addPathItem(LITERAL, item);
        }
    }
}
