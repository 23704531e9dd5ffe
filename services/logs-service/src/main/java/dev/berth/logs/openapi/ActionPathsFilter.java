package dev.berth.logs.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Two calls are named with a colon action, {@code events:filter} and {@code metric-filters:test}.
 * Their resources match the colon or its escape {@code %3A} with a regular expression, which
 * the generated document shows as a path parameter nobody declares; here they get their literal
 * paths back.
 */
@OpenApiFilter
public class ActionPathsFilter implements OASFilter {

    private static final Map<String, String> LITERAL = Map.of(
            "/api/logs/v1/log-groups/{group}/{filter}", "/api/logs/v1/log-groups/{group}/events:filter",
            "/api/logs/v1/{test}", "/api/logs/v1/metric-filters:test");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        LITERAL.forEach((generated, literal) -> {
            PathItem item = paths.getPathItem(generated);
            if (item != null) {
                paths.removePathItem(generated);
                paths.addPathItem(literal, item);
            }
        });
    }
}
