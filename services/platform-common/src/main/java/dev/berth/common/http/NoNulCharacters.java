package dev.berth.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.berth.common.error.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses the NUL character (U+0000) in path and query values and in the JSON bodies of API
 * calls, naming the field: PostgreSQL stores no NUL in text or jsonb, so such a value would
 * otherwise fail deep in a store as a server error, after the call had been accepted. Only the
 * API's reading is concerned ({@link RestJson}); Kafka consumers keep reading NUL (the logs
 * service stores it as U+FFFD).
 */
public class NoNulCharacters {

    static final String PROBLEM = "must not contain the NUL character (U+0000)";

    static SimpleModule module() {
        return new SimpleModule("no-nul-characters")
                .addDeserializer(String.class, new Strings())
                .addDeserializer(JsonNode.class, new Trees());
    }

    @ServerRequestFilter
    public void refuseInParameters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new InvalidInputException(parameter.getKey(), PROBLEM);
                }
            }
        }
    }

    /** Strings of records and lists; Jackson adds the field's path to the failure. */
    static final class Strings extends StdDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw JsonMappingException.from(parser, PROBLEM);
            }
            return value;
        }
    }

    /** Free-form documents (task definitions, overrides): the offending value named by its pointer. */
    static final class Trees extends StdDeserializer<JsonNode> {

        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            String at = nulAt(tree, "");
            if (at != null) {
                throw JsonMappingException.from(parser, (at.isEmpty() ? "" : at.substring(1) + ": ") + PROBLEM);
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return JsonNodeDeserializer.getDeserializer(JsonNode.class).getNullValue(context);
        }

        private static String nulAt(JsonNode node, String path) {
            if (node.isTextual()) {
                return node.textValue().indexOf('\0') >= 0 ? path : null;
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String found = nulAt(node.get(i), path + "[" + i + "]");
                    if (found != null) {
                        return found;
                    }
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String found = field.getKey().indexOf('\0') >= 0 ? path + "." + field.getKey()
                        : nulAt(field.getValue(), path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }
}
