package dev.berth.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's OpenAPI document must say of every operation under its API path for the
 * gateway's merged document to describe it fully: an operationId used once, a tag, a success
 * answer whose JSON body (unless 204) and request body (when it takes one) have typed schemas.
 * Typed: named properties, an array of such, a choice among such, or an empty record ({} as AWS
 * answers some calls) — never a free-form map.
 */
public final class OpenApiCompleteness {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final String pathPrefix;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> operationIds = new LinkedHashSet<>();
    private int operations;

    private OpenApiCompleteness(JsonNode document, String pathPrefix) {
        this.document = document;
        this.pathPrefix = pathPrefix;
        check();
    }

    /** Reads the running test instance's document ({@code /q/openapi}) and checks the operations under the prefix. */
    public static OpenApiCompleteness ofService(String pathPrefix) throws Exception {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        return new OpenApiCompleteness(new ObjectMapper().readTree(json), pathPrefix);
    }

    public JsonNode document() {
        return document;
    }

    /** One line per shortcoming, e.g. "POST /api/x/v1/things: no typed request body schema". */
    public List<String> problems() {
        return problems;
    }

    public Set<String> operationIds() {
        return operationIds;
    }

    public int operations() {
        return operations;
    }

    private void check() {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith(pathPrefix)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    check(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }

    private void check(String where, JsonNode operation) {
        operations++;
        String id = operation.path("operationId").asText("");
        if (id.isBlank() || !operationIds.add(id)) {
            problems.add(where + ": missing or repeated operationId '" + id + "'");
        }
        if (operation.path("tags").isEmpty()) {
            problems.add(where + ": no tag");
        }
        checkResponses(where, operation.path("responses"));
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode() && !typed(body.path("content").path("application/json").path("schema"))) {
            problems.add(where + ": no typed request body schema");
        }
    }

    private void checkResponses(String where, JsonNode responses) {
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            if (response.getKey().equals("204")) {
                continue;
            }
            boolean typedBody = false;
            for (JsonNode media : response.getValue().path("content")) {
                typedBody |= typed(media.path("schema"));
            }
            if (!typedBody) {
                problems.add(where + ": " + response.getKey() + " has no typed response schema");
            }
        }
        if (!success) {
            problems.add(where + ": no success response");
        }
    }

    private boolean typed(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return typed(document.path("components").path("schemas").path(name));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                for (JsonNode option : schema.get(choice)) {
                    if (!option.path("type").asText().equals("null") && !typed(option)) {
                        return false;
                    }
                }
                return true;
            }
        }
        String type = schema.path("type").asText();
        boolean emptyRecord = type.equals("object") && !schema.has("additionalProperties");
        return schema.has("properties") || emptyRecord || type.equals("array") && typed(schema.path("items"));
    }
}
