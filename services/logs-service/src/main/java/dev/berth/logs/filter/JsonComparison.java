package dev.berth.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code $.selector OP value}. False, for every operator including '!=', when the selector does not point
 * to a string, number or boolean: CloudWatch documents that both {@code $.users = 1} and
 * {@code $.users != 1} fail when users is an array.
 */
record JsonComparison(JsonSelector selector, ComparisonOperator operator, ExpectedValue expected)
        implements Condition<JsonNode> {

    @Override
    public boolean test(JsonNode root) {
        JsonNode node = selector.resolve(root);
        if (node == null || !node.isValueNode() || node.isNull()) {
            return false;
        }
        return expected.test(operator, node.asText());
    }
}
