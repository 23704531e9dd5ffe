package dev.berth.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A JSON event that matched; selectors such as {@code $.latency} read its string, number and boolean values. */
final class JsonMatch implements Match {

    /** Metric filters ask for the same few selectors on every match; bounded so odd callers cannot grow it. */
    private static final int MAX_CACHED_SELECTORS = 1024;
    private static final Map<String, Optional<JsonSelector>> SELECTORS = new ConcurrentHashMap<>();

    private final JsonNode root;

    JsonMatch(JsonNode root) {
        this.root = root;
    }

    @Override
    public Optional<String> value(String selector) {
        if (selector == null) {
            return Optional.empty();
        }
        Optional<JsonSelector> parsed = selectorFor(selector);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = parsed.get().resolve(root);
        if (node == null || !node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private static Optional<JsonSelector> selectorFor(String text) {
        Optional<JsonSelector> cached = SELECTORS.get(text);
        if (cached != null) {
            return cached;
        }
        Optional<JsonSelector> parsed = JsonSelector.parse(text);
        if (SELECTORS.size() < MAX_CACHED_SELECTORS) {
            SELECTORS.putIfAbsent(text, parsed);
        }
        return parsed;
    }
}
