package dev.berth.e2e.contract;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateway's merged OpenAPI document as the tests read it: its operations under {@code /api/},
 * the operation a concrete call is, and whether an answer fits the schema the document gives for
 * it (JSON Schema 2020-12, which OpenAPI 3.1's schemas are).
 */
public final class OpenApiDocument {

    static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation: its method, path template and its object in the document. */
    public record Operation(String method, String path, JsonNode node) {

        String id() {
            return node.path("operationId").asText(null);
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            var matcher = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** The JSON schema of the request body, if the operation takes a JSON one. */
        Optional<JsonNode> requestSchema() {
            return Optional.ofNullable(node.path("requestBody").path("content").path("application/json").get("schema"));
        }

        /** The template as a pattern: literal text, and one path segment for each parameter. */
        Pattern pattern() {
            StringBuilder regex = new StringBuilder();
            int at = 0;
            var matcher = Pattern.compile("\\{[^}]+}").matcher(path);
            while (matcher.find()) {
                regex.append(Pattern.quote(path.substring(at, matcher.start()))).append("[^/]+");
                at = matcher.end();
            }
            return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).toString());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + (id() == null ? "" : " (" + id() + ")");
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;
    /** Each operation's path template as a pattern, made once: every checked call looks its operation up. */
    private final Map<Operation, Pattern> patterns;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        List<Operation> found = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (path.getKey().startsWith("/api/") && METHODS.contains(op.getKey())) {
                found.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        found.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        this.operations = List.copyOf(found);
        this.patterns = operations.stream().collect(Collectors.toMap(Function.identity(), Operation::pattern,
                (a, b) -> a, IdentityHashMap::new));
    }

    public static OpenApiDocument fetch() {
        String body = given().baseUri(GATEWAY).get("/openapi").then().statusCode(200).extract().asString();
        try {
            return new OpenApiDocument(JSON.readTree(body));
        } catch (Exception e) {
            throw new AssertionError("the merged document is not JSON", e);
        }
    }

    public JsonNode json() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation a call is: the template that matches with the most literal characters. */
    public Optional<Operation> operationOf(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && patterns.get(op).matcher(bare).matches())
                .max(Comparator.comparingInt(op -> op.path().replaceAll("\\{[^}]+}", "").length()));
    }

    /**
     * What is wrong with an answer, by the schema the document gives for its status (or for its
     * class, e.g. {@code 4XX}, or {@code default}); empty when it fits or the document gives none.
     */
    public List<String> check(Operation operation, int status, String contentType, String body) {
        String pointer = responsePointer(operation, status);
        if (pointer == null) {
            return List.of("no response " + status + " documented");
        }
        JsonNode response = document.at(pointer);
        JsonNode schema = response.path("content").path("application/json").get("schema");
        if (schema == null || body == null || body.isEmpty() || contentType == null
                || !contentType.startsWith("application/json")) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (Exception e) {
            return List.of("not JSON: " + e.getMessage());
        }
        JsonSchema validator = schemas.computeIfAbsent(pointer + "/content/application~1json/schema", this::schemaAt);
        return validator.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private String responsePointer(Operation operation, int status) {
        String base = "/paths/" + escape(operation.path()) + "/" + operation.method() + "/responses/";
        for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
            if (!document.at(base + escape(key)).isMissingNode()) {
                return base + escape(key);
            }
        }
        return null;
    }

    /** A schema whose root refers to the one at {@code pointer}, so that its own $refs resolve in the document. */
    private JsonSchema schemaAt(String pointer) {
        ObjectNode root = document.deepCopy();
        root.remove(List.of("openapi", "info", "servers", "tags", "security", "x-berth-unavailable-services"));
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#" + pointer);
        return factory.getSchema(root);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
