package dev.berth.logs.requests;

import dev.berth.common.error.ApiException;

/** CloudWatch's answer to a call that would go over a limit of the account (here: the tenant). */
public final class LimitExceeded {

    public static final String CODE = "LimitExceededException";

    private LimitExceeded() {
    }

    /** @param message names the limit and says what would exceed it */
    public static ApiException of(String message) {
        return new ApiException(400, CODE, message);
    }
}
