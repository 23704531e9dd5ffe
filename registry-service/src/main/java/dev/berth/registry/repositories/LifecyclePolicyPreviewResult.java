package dev.berth.registry.repositories;

import dev.berth.registry.lifecycle.LifecycleEvaluator;
import java.time.Instant;
import java.util.List;

/** ECR's LifecyclePolicyPreviewResult: one image the policy expires, and the rule that does. */
public record LifecyclePolicyPreviewResult(String imageDigest, List<String> imageTags, Instant imagePushedAt,
                                           LifecyclePolicyRuleAction action, int appliedRulePriority) {

    static List<LifecyclePolicyPreviewResult> of(List<LifecycleEvaluator.Expiry> expiries) {
        return expiries.stream().map(e -> new LifecyclePolicyPreviewResult(e.image().digest(), e.image().tags(),
                e.image().pushedAt(), LifecyclePolicyRuleAction.EXPIRE, e.rulePriority())).toList();
    }
}
