package dev.berth.registry.policy;

/** The repository policy is not one this registry can apply; the message says why. */
public class InvalidPolicyException extends RuntimeException {

    public InvalidPolicyException(String message) {
        super(message);
    }
}
