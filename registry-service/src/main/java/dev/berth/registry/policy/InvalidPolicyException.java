package dev.berth.registry.policy;

import dev.berth.common.error.InvalidInputException;

/**
 * The repository policy is not one this registry can apply: 400 InvalidParameterException about
 * {@code policyText}, worded as ECR words it ({@code Invalid parameter at 'policyText': <why>}).
 */
public class InvalidPolicyException extends InvalidInputException {

    public InvalidPolicyException(String problem) {
        super("policyText", problem, Wording.INVALID_PARAMETER_AT);
    }
}
