package dev.berth.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code $.selector IS NULL}, {@code IS TRUE}, {@code IS FALSE} or {@code NOT EXISTS}. */
record JsonKeywordCheck(JsonSelector selector, Check check) implements Condition<JsonNode> {

    enum Check { IS_NULL, IS_TRUE, IS_FALSE, NOT_EXISTS }

    @Override
    public boolean test(JsonNode root) {
        JsonNode node = selector.resolve(root);
        return switch (check) {
            case IS_NULL -> node != null && node.isNull();
            case IS_TRUE -> node != null && node.isBoolean() && node.booleanValue();
            case IS_FALSE -> node != null && node.isBoolean() && !node.booleanValue();
            case NOT_EXISTS -> node == null;
        };
    }
}
