package dev.berth.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One malformed or boundary call of an operation: its path values, and a body that is the
 * operation's own request shape with one thing wrong (a field of the wrong type, missing or
 * unknown, a huge or negative number, a long or unicode string), or JSON that is broken.
 */
record FuzzCall(OpenApiDocument.Operation operation, String path, String body, String what) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values for one path segment: harmless, hostile and out of bounds. */
    private static Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("fuzz", "-1", "0", "99999999999999999999", "a:b", "..", "%2e%2e", "%00", "%2F",
                        "arn:berth:ecs::acme:cluster/x", "%F0%9F%9A%80", "%C3%BC%C3%B1%C3%AF", "a%20b", "@"),
                Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(300),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
    }

    /** Values that do not fit, whatever the field: wrong types and the edges of each type. */
    private static Arbitrary<JsonNode> wrongValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1), NODES.numberNode(0),
                        NODES.numberNode(2147483648L), NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                        NODES.numberNode(1.5), NODES.numberNode(-1e300), NODES.textNode(""), NODES.textNode(" "),
                        NODES.textNode("ünïcödé ✓ 🚀"), NODES.textNode("\u0000"), NODES.textNode("x".repeat(70_000)),
                        NODES.objectNode(), NODES.arrayNode(), NODES.textNode("${jndi:ldap://x}"),
                        NODES.textNode("'; DROP TABLE cluster; --")),
                Arbitraries.strings().all().ofMaxLength(300).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode));
    }

    private static Arbitrary<String> brokenJson() {
        return Arbitraries.of("{", "[1,2", "null", "\"x\"", "{\"a\":}", "{\"a\" 1}", "[]", "42", "{}}", "\u0000",
                "{\"a\":\"\\uZZZZ\"}", "{\"" + "a".repeat(5000) + "\":1}", "[".repeat(3000));
    }

    static Arbitrary<FuzzCall> of(OpenApiDocument document, OpenApiDocument.Operation operation) {
        List<String> parameters = operation.pathParameters();
        Arbitrary<List<String>> values = pathValues().list().ofSize(parameters.size());
        Arbitrary<String[]> body = operation.requestSchema()
                .map(schema -> bodies(document, schema))
                .orElse(Arbitraries.just(new String[] {null, "no body"}));
        return Combinators.combine(values, body).as((segments, b) -> {
            String path = operation.path();
            for (int i = 0; i < parameters.size(); i++) {
                path = path.replace("{" + parameters.get(i) + "}", segments.get(i));
            }
            return new FuzzCall(operation, path, b[0], b[1]);
        });
    }

    private static Arbitrary<String[]> bodies(OpenApiDocument document, JsonNode schema) {
        ObjectNode valid = sample(document, schema, 0) instanceof ObjectNode o ? o : NODES.objectNode();
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        Arbitrary<String[]> broken = brokenJson().map(text -> new String[] {text, "broken JSON"});
        Arbitrary<String[]> unknown = Arbitraries.just(new String[] {with(valid, "notAField", NODES.numberNode(1)),
                "an unknown field"});
        if (fields.isEmpty()) {
            return Arbitraries.oneOf(broken, unknown);
        }
        Arbitrary<String[]> wrong = Combinators.combine(Arbitraries.of(fields), wrongValues())
                .as((field, value) -> new String[] {with(valid, field, value), field + " = " + abbreviated(value)});
        Arbitrary<String[]> missing = Arbitraries.of(fields).map(field -> {
            ObjectNode copy = valid.deepCopy();
            copy.remove(field);
            return new String[] {copy.toString(), "without " + field};
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, wrong), net.jqwik.api.Tuple.of(2, missing),
                net.jqwik.api.Tuple.of(1, unknown), net.jqwik.api.Tuple.of(2, broken));
    }

    /** A plausible value for a schema: required and optional properties alike, one level of nesting deep. */
    private static JsonNode sample(OpenApiDocument document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        String type = typeOf(resolved);
        if (depth > 2) {
            return NODES.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").properties().forEach(p -> object.set(p.getKey(), sample(document, p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(document, resolved.path("items"), depth + 1));
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            default -> resolved.has("enum") ? resolved.path("enum").get(0) : NODES.textNode("fuzz");
        };
    }

    private static JsonNode resolve(OpenApiDocument document, JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 5 && at.has("$ref"); i++) {
            at = document.json().at(at.get("$ref").asText().substring(1));
        }
        if (at.has("allOf") && at.path("allOf").size() == 1) {
            return resolve(document, at.path("allOf").get(0));
        }
        return at;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "string";
    }

    private static String with(ObjectNode valid, String field, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(field, value);
        try {
            return JSON.writeValueAsString(copy);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("operation", operation.toString());
        out.put("path", path.length() > 200 ? path.substring(0, 200) + "…" : path);
        out.put("input", what);
        return out;
    }
}
