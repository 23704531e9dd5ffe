package dev.berth.logs.requests;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;

/**
 * CloudWatch's answer (400 LimitExceededException) to a call that would go over a limit of the account (here:
 * the tenant), naming the field whose value would exceed it.
 */
public class LimitExceededException extends InvalidInputException {

    /** @param problem names the limit and says what would exceed it */
    public LimitExceededException(String field, String problem) {
        super(ErrorCode.LIMIT_EXCEEDED, field, problem);
    }
}
