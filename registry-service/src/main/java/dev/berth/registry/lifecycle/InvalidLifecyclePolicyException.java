package dev.berth.registry.lifecycle;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;

/**
 * The lifecycle policy is not valid: 400 InvalidParameterException about
 * {@code lifecyclePolicyText}, worded as ECR words it ({@code Invalid parameter at 'lifecyclePolicyText': <why>}).
 */
public class InvalidLifecyclePolicyException extends ApiException {

    static final String FIELD = "lifecyclePolicyText";

    public InvalidLifecyclePolicyException(String problem) {
        super(ErrorCode.INVALID_PARAMETER, "Invalid parameter at '" + FIELD + "': " + problem);
    }

    @Override
    public String field() {
        return FIELD;
    }
}
