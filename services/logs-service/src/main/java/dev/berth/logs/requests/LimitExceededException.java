package dev.berth.logs.requests;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;

/** CloudWatch's answer (400 LimitExceededException) to a call that would go over a limit of the account (here: the tenant). */
public class LimitExceededException extends ApiException {

    /** @param message names the limit and says what would exceed it */
    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }
}
