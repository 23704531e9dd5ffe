package dev.berth.registry.policy;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;

/**
 * The repository policy is not one this registry can apply: 400 InvalidParameterException about
 * {@code policyText}, worded as ECR words it ({@code Invalid parameter at 'policyText': <why>}).
 */
public class InvalidPolicyException extends ApiException {

    static final String FIELD = "policyText";

    public InvalidPolicyException(String problem) {
        super(ErrorCode.INVALID_PARAMETER, "Invalid parameter at '" + FIELD + "': " + problem);
    }

    @Override
    public String field() {
        return FIELD;
    }
}
