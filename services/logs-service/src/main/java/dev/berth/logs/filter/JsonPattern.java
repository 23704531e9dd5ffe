package dev.berth.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A {@code { ... }} pattern; a message that is not a JSON object does not match it. */
final class JsonPattern implements EventMatcher {

    private final Condition<JsonNode> condition;

    JsonPattern(Condition<JsonNode> condition) {
        this.condition = condition;
    }

    @Override
    public Optional<Match> match(String message) {
        JsonNode root = JsonEvents.parseObject(message);
        if (root == null || !condition.test(root)) {
            return Optional.empty();
        }
        return Optional.of(new JsonMatch(root));
    }

    @Override
    public boolean matches(String message) {
        JsonNode root = JsonEvents.parseObject(message);
        return root != null && condition.test(root);
    }

    /**
     * None: a compared value need not appear verbatim in the message, since JSON may escape it
     * ({@code "\u0045RROR"} is "ERROR") or write a number differently ({@code 1e2} is 100).
     */
    @Override
    public List<String> requiredLiterals() {
        return List.of();
    }
}
