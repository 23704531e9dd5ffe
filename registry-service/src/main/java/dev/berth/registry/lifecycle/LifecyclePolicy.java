package dev.berth.registry.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ECR lifecycle policy, parsed from ECR's JSON and checked with ECR's rules; rules are kept in
 * {@code rulePriority} order.
 */
public record LifecyclePolicy(List<LifecycleRule> rules) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WILDCARDS = 4;
    /** ECR's limit on a lifecycle policy's text. */
    public static final int MAX_TEXT_LENGTH = 30_720;
    /** A tag is at most 128 characters; a prefix or pattern has no use for much more. */
    static final int MAX_TAG_FILTER_LENGTH = 256;
    static final int MAX_TAG_FILTERS = 100;
    static final int MAX_RULES = 100;

    public LifecyclePolicy {
        rules = rules.stream().sorted(Comparator.comparingInt(LifecycleRule::rulePriority)).toList();
    }

    /** @throws InvalidLifecyclePolicyException naming the rule and field that is wrong */
    public static LifecyclePolicy parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidLifecyclePolicyException("lifecyclePolicyText must be at most " + MAX_TEXT_LENGTH
                    + " characters, was " + text.length() + ".");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new InvalidLifecyclePolicyException("Lifecycle policy is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.path("rules").isArray() || root.path("rules").isEmpty()) {
            throw new InvalidLifecyclePolicyException("Lifecycle policy must have a non-empty 'rules' array.");
        }
        if (root.path("rules").size() > MAX_RULES) {
            throw new InvalidLifecyclePolicyException("rules may hold at most " + MAX_RULES + " rules.");
        }
        List<LifecycleRule> rules = new ArrayList<>();
        Set<Integer> priorities = new HashSet<>();
        for (JsonNode node : root.path("rules")) {
            LifecycleRule rule = rule(node);
            if (!priorities.add(rule.rulePriority())) {
                throw new InvalidLifecyclePolicyException("rulePriority " + rule.rulePriority() + " is used more than once.");
            }
            rules.add(rule);
        }
        LifecyclePolicy policy = new LifecyclePolicy(rules);
        List<LifecycleRule> sorted = policy.rules();
        for (int i = 0; i < sorted.size() - 1; i++) {
            if (sorted.get(i).tagStatus() == LifecycleRule.TagStatus.ANY) {
                throw new InvalidLifecyclePolicyException("The rule with tagStatus 'any' (rulePriority "
                        + sorted.get(i).rulePriority() + ") must have the highest rulePriority.");
            }
        }
        return policy;
    }

    private static LifecycleRule rule(JsonNode node) {
        JsonNode priorityNode = node.path("rulePriority");
        if (!priorityNode.canConvertToInt() || priorityNode.asInt() < 1) {
            throw new InvalidLifecyclePolicyException("rulePriority must be an integer of at least 1.");
        }
        int priority = priorityNode.asInt();
        String where = "rule " + priority + ": ";
        JsonNode selection = node.path("selection");
        if (!selection.isObject()) {
            throw new InvalidLifecyclePolicyException(where + "selection is required.");
        }
        LifecycleRule.TagStatus tagStatus = switch (selection.path("tagStatus").asText("")) {
            case "tagged" -> LifecycleRule.TagStatus.TAGGED;
            case "untagged" -> LifecycleRule.TagStatus.UNTAGGED;
            case "any" -> LifecycleRule.TagStatus.ANY;
            default -> throw new InvalidLifecyclePolicyException(where + "selection.tagStatus must be tagged, untagged or any.");
        };
        List<String> prefixes = strings(selection.path("tagPrefixList"), where + "selection.tagPrefixList");
        List<String> patterns = strings(selection.path("tagPatternList"), where + "selection.tagPatternList");
        if (tagStatus == LifecycleRule.TagStatus.TAGGED) {
            if (prefixes.isEmpty() == patterns.isEmpty()) {
                throw new InvalidLifecyclePolicyException(where
                        + "a tagged rule needs either tagPrefixList or tagPatternList, not both and not neither.");
            }
        } else if (!prefixes.isEmpty() || !patterns.isEmpty()) {
            throw new InvalidLifecyclePolicyException(where
                    + "tagPrefixList and tagPatternList are only allowed with tagStatus tagged.");
        }
        for (String pattern : patterns) {
            if (pattern.chars().filter(c -> c == '*').count() > MAX_WILDCARDS) {
                throw new InvalidLifecyclePolicyException(where + "tag pattern '" + pattern + "' has more than "
                        + MAX_WILDCARDS + " wildcards.");
            }
        }
        LifecycleRule.CountType countType = switch (selection.path("countType").asText("")) {
            case "imageCountMoreThan" -> LifecycleRule.CountType.IMAGE_COUNT_MORE_THAN;
            case "sinceImagePushed" -> LifecycleRule.CountType.SINCE_IMAGE_PUSHED;
            case "sinceImagePulled" -> LifecycleRule.CountType.SINCE_IMAGE_PULLED;
            default -> throw new InvalidLifecyclePolicyException(where
                    + "selection.countType must be imageCountMoreThan, sinceImagePushed or sinceImagePulled.");
        };
        boolean hasUnit = selection.has("countUnit");
        if (countType == LifecycleRule.CountType.IMAGE_COUNT_MORE_THAN && hasUnit) {
            throw new InvalidLifecyclePolicyException(where + "countUnit is not allowed with imageCountMoreThan.");
        }
        if (countType != LifecycleRule.CountType.IMAGE_COUNT_MORE_THAN && !"days".equals(selection.path("countUnit").asText())) {
            throw new InvalidLifecyclePolicyException(where + "countUnit must be 'days' with " + selection.path("countType").asText() + ".");
        }
        JsonNode count = selection.path("countNumber");
        if (!count.canConvertToInt() || count.asInt() < 1) {
            throw new InvalidLifecyclePolicyException(where + "selection.countNumber must be an integer of at least 1.");
        }
        if (!"expire".equals(node.path("action").path("type").asText())) {
            throw new InvalidLifecyclePolicyException(where + "action.type must be 'expire'.");
        }
        return new LifecycleRule(priority, node.path("description").asText(null), tagStatus, prefixes, patterns,
                countType, count.asInt());
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidLifecyclePolicyException(field + " must be a list of strings.");
        }
        if (node.size() > MAX_TAG_FILTERS) {
            throw new InvalidLifecyclePolicyException(field + " may hold at most " + MAX_TAG_FILTERS + " entries.");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> {
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw new InvalidLifecyclePolicyException(field + " must hold non-empty strings.");
            }
            if (v.asText().length() > MAX_TAG_FILTER_LENGTH) {
                throw new InvalidLifecyclePolicyException(field + " entries must be at most " + MAX_TAG_FILTER_LENGTH
                        + " characters, one is " + v.asText().length() + ".");
            }
            values.add(v.asText());
        });
        return values;
    }
}
