package dev.berth.registry.lifecycle;

import dev.berth.common.error.InvalidInputException;

/**
 * The lifecycle policy is not valid: 400 InvalidParameterException about
 * {@code lifecyclePolicyText}, worded as ECR words it ({@code Invalid parameter at 'lifecyclePolicyText': <why>}).
 */
public class InvalidLifecyclePolicyException extends InvalidInputException {

    public InvalidLifecyclePolicyException(String problem) {
        super("lifecyclePolicyText", problem, Wording.INVALID_PARAMETER_AT);
    }
}
