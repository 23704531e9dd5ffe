package dev.berth.registry.repositories;

/** ECR's LifecyclePolicyRuleAction; expiring is the one action there is. */
public record LifecyclePolicyRuleAction(ImageActionType type) {

    static final LifecyclePolicyRuleAction EXPIRE = new LifecyclePolicyRuleAction(ImageActionType.EXPIRE);

    /** ECR's ImageActionType. */
    public enum ImageActionType {
        EXPIRE
    }
}
