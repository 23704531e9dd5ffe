package dev.berth.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one: all paths, all component schemas and
 * security schemes. A schema name two services use for different shapes is kept once per
 * service, renamed {@code <service>.<name>}, and that service's references follow the new name;
 * an operation id another service already uses (each service names its operations after AWS's,
 * and several AWS APIs have a TagResource) gets the service's name in front, e.g.
 * {@code LogsTagResource}, so that a generated client has one method per operation.
 */
public final class OpenApiMerger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiMerger() {
    }

    /**
     * @param base      the gateway's own document (title, info, its own paths)
     * @param documents service name → its document; a missing one is listed as unavailable
     */
    public static ObjectNode merge(JsonNode base, Map<String, JsonNode> documents) {
        ObjectNode merged = base.deepCopy();
        ObjectNode paths = merged.withObject("/paths");
        ObjectNode schemas = merged.withObject("/components").withObject("/schemas");
        ObjectNode securitySchemes = merged.withObject("/components").withObject("/securitySchemes");
        Set<String> operationIds = operationIds(paths);
        ArrayNode unavailable = JSON.createArrayNode();
        documents.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String service = entry.getKey();
            JsonNode document = entry.getValue();
            if (document == null) {
                unavailable.add(service);
                return;
            }
            ObjectNode copy = document.deepCopy();
            renameClashingSchemas(service, copy, schemas);
            copy.path("paths").properties().forEach(p -> {
                if (!paths.has(p.getKey())) {
                    renameClashingOperations(service, p.getValue(), operationIds);
                    paths.set(p.getKey(), p.getValue());
                }
            });
            copy.path("components").path("securitySchemes").properties()
                    .forEach(s -> securitySchemes.set(s.getKey(), s.getValue()));
            copy.path("components").path("schemas").properties().forEach(s -> schemas.set(s.getKey(), s.getValue()));
        });
        if (!unavailable.isEmpty()) {
            merged.set("x-berth-unavailable-services", unavailable);
        }
        return merged;
    }

    private static Set<String> operationIds(JsonNode paths) {
        Set<String> ids = new HashSet<>();
        paths.forEach(item -> item.forEach(operation -> {
            if (operation.hasNonNull("operationId")) {
                ids.add(operation.get("operationId").asText());
            }
        }));
        return ids;
    }

    private static void renameClashingOperations(String service, JsonNode pathItem, Set<String> taken) {
        pathItem.forEach(operation -> {
            if (operation instanceof ObjectNode op && op.hasNonNull("operationId")) {
                String id = op.get("operationId").asText();
                if (!taken.add(id)) {
                    String renamed = Character.toUpperCase(service.charAt(0)) + service.substring(1) + id;
                    op.put("operationId", renamed);
                    taken.add(renamed);
                }
            }
        });
    }

    private static void renameClashingSchemas(String service, ObjectNode document, ObjectNode existing) {
        JsonNode schemas = document.path("components").path("schemas");
        if (!(schemas instanceof ObjectNode ownSchemas)) {
            return;
        }
        for (Iterator<String> names = ownSchemas.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (existing.has(name) && !existing.get(name).equals(ownSchemas.get(name))) {
                rewriteRefs(document, "#/components/schemas/" + name, "#/components/schemas/" + service + "." + name);
            }
        }
        ObjectNode renamed = JSON.createObjectNode();
        ownSchemas.properties().forEach(s -> renamed.set(
                existing.has(s.getKey()) && !existing.get(s.getKey()).equals(s.getValue())
                        ? service + "." + s.getKey() : s.getKey(),
                s.getValue()));
        ((ObjectNode) document.path("components")).set("schemas", renamed);
    }

    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().equals(from)) {
                object.put("$ref", to);
            }
            object.forEach(child -> rewriteRefs(child, from, to));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, from, to));
        }
    }
}
