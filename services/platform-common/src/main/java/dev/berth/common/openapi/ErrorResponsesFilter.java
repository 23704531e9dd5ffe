package dev.berth.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents, once for every management operation, the error answers all of them share: the
 * statuses of the one error path, each with the {@code Error} body, and the bearer token they
 * need. Operations name only the errors that are theirs alone.
 */
@OpenApiFilter
public class ErrorResponsesFilter implements OASFilter {

    static final String ERROR_SCHEMA = "Error";
    static final String BEARER = "bearer";

    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid input; the message and `field` name the field",
            "401", "No bearer token, or an invalid or expired one",
            "403", "The caller's role or tenant does not allow this",
            "429", "Too many calls from this tenant or client",
            "500", "Unexpected error; quote the request id");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ERROR_SCHEMA, errorSchema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A Keycloak access token of the realm berth"));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        COMMON.forEach((status, description) -> addIfAbsent(responses, status, description));
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "A resource named in the path does not exist");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413", "The request body is larger than the service's limit");
        }
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
    }

    /** Adds the answer, or the Error body to one the framework listed without a body (its own 400, 401, 403). */
    private static void addIfAbsent(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        APIResponse response = existing != null ? existing : OASFactory.createAPIResponse().description(description);
        response.content(OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .ref("#/components/schemas/" + ERROR_SCHEMA))));
        responses.addAPIResponse(status, response);
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("The error body of every management API")
                .addRequired("code").addRequired("message")
                .addProperty("code", text("AWS-style exception name", "ClusterNotFoundException"))
                .addProperty("message", text("What is wrong; starts with the field where there is one",
                        "count: between 1 and 10, got 11"))
                .addProperty("field", text("The input field the error is about (a JSON path), when it is about one",
                        "count"))
                .addProperty("requestId", text("Quote it when asking for help", null));
    }

    private static Schema text(String description, String example) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
        return example == null ? schema : schema.addExample(example);
    }
}
