package dev.berth.registry.lifecycle;

/** ECR's InvalidParameterException for a lifecycle policy, with ECR's kind of message. */
public class InvalidLifecyclePolicyException extends RuntimeException {

    public InvalidLifecyclePolicyException(String message) {
        super(message);
    }
}
