package dev.berth.logs.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** Reads log event messages as JSON objects. */
final class JsonEvents {

    private static final ObjectReader READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    private JsonEvents() {
    }

    /** The message as a JSON object; null when it is not exactly one JSON object. */
    static JsonNode parseObject(String message) {
        if (!startsWithBrace(message)) {
            return null;
        }
        try {
            JsonNode node = READER.readTree(message);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** Spares the parser (and its exception) for the usual plain-text message. */
    private static boolean startsWithBrace(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }
}
