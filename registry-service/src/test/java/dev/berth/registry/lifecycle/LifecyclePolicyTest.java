package dev.berth.registry.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ECR's validation of lifecycle policies: each bad policy is refused with a message naming the problem. */
class LifecyclePolicyTest {

    private static String rule(int priority, String selection, String action) {
        return "{\"rulePriority\":" + priority + ",\"selection\":{" + selection + "},\"action\":{\"type\":\"" + action + "\"}}";
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"rules\":[]}|non-empty 'rules'",
            "not json|not valid JSON",
            "{\"rules\":[RULE_ANY_FIRST, RULE_UNTAGGED_2]}|must have the highest rulePriority",
            "{\"rules\":[RULE_TAGGED_NO_FILTER]}|needs either tagPrefixList or tagPatternList",
            "{\"rules\":[RULE_TAGGED_BOTH]}|needs either tagPrefixList or tagPatternList",
            "{\"rules\":[RULE_UNTAGGED_PREFIX]}|only allowed with tagStatus tagged",
            "{\"rules\":[RULE_COUNT_WITH_UNIT]}|countUnit is not allowed",
            "{\"rules\":[RULE_PUSHED_NO_UNIT]}|countUnit must be 'days'",
            "{\"rules\":[RULE_UNTAGGED_2, RULE_UNTAGGED_2]}|used more than once",
            "{\"rules\":[RULE_ZERO_COUNT]}|countNumber must be an integer of at least 1",
            "{\"rules\":[RULE_BAD_ACTION]}|action.type must be 'expire'",
            "{\"rules\":[RULE_FIVE_WILDCARDS]}|more than 4 wildcards",
            "{\"rules\":[RULE_BAD_STATUS]}|tagStatus must be tagged, untagged or any"})
    void refusesWithAReason(String template, String reason) {
        String policy = template
                .replace("RULE_ANY_FIRST", rule(1, "\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"))
                .replace("RULE_UNTAGGED_2", rule(2, "\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"))
                .replace("RULE_TAGGED_NO_FILTER", rule(1, "\"tagStatus\":\"tagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"))
                .replace("RULE_TAGGED_BOTH", rule(1, "\"tagStatus\":\"tagged\",\"tagPrefixList\":[\"a\"],\"tagPatternList\":[\"a*\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"))
                .replace("RULE_UNTAGGED_PREFIX", rule(1, "\"tagStatus\":\"untagged\",\"tagPrefixList\":[\"a\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"))
                .replace("RULE_COUNT_WITH_UNIT", rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countUnit\":\"days\",\"countNumber\":1", "expire"))
                .replace("RULE_PUSHED_NO_UNIT", rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countNumber\":1", "expire"))
                .replace("RULE_ZERO_COUNT", rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":0", "expire"))
                .replace("RULE_BAD_ACTION", rule(1, "\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "delete"))
                .replace("RULE_FIVE_WILDCARDS", rule(1, "\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*a*b*c*d*\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"))
                .replace("RULE_BAD_STATUS", rule(1, "\"tagStatus\":\"some\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1", "expire"));
        var e = assertThrows(InvalidLifecyclePolicyException.class, () -> LifecyclePolicy.parse(policy));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aValidPolicyKeepsItsRulesInPriorityOrder() {
        LifecyclePolicy policy = LifecyclePolicy.parse("{\"rules\":["
                + rule(5, "\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":100", "expire") + ","
                + rule(2, "\"tagStatus\":\"tagged\",\"tagPatternList\":[\"prod*\"],\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":30", "expire")
                + "]}");
        assertEquals(2, policy.rules().get(0).rulePriority());
        assertEquals(LifecycleRule.TagStatus.ANY, policy.rules().get(1).tagStatus());
    }
}
