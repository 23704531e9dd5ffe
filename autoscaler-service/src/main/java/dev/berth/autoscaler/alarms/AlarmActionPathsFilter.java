package dev.berth.autoscaler.alarms;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * The colon actions of alarms match the colon or its escape with a regular expression, which the generated
 * document shows as a path parameter; here they get their literal paths back, without that parameter.
 */
@OpenApiFilter
public class AlarmActionPathsFilter implements OASFilter {

    private static final String BASE = "/api/autoscaler/v1/";
    private static final Map<String, String> LITERALS = Map.of("setState", "alarms:set-state",
            "enableActions", "alarms:enable-actions", "disableActions", "alarms:disable-actions");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        LITERALS.forEach((parameter, literal) -> {
            String generated = BASE + "{" + parameter + "}";
            PathItem item = paths.getPathItem(generated);
            if (item == null) {
                return;
            }
            paths.removePathItem(generated);
            if (item.getPOST() != null && item.getPOST().getParameters() != null) {
                item.getPOST().getParameters().removeIf(p -> parameter.equals(p.getName()));
            }
            if (item.getParameters() != null) {
                item.getParameters().removeIf(p -> parameter.equals(p.getName()));
            }
            paths.addPathItem(BASE + literal, item);
        });
    }
}
