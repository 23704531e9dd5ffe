package dev.berth.logs.requests;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;

/**
 * CloudWatch's ResourceAlreadyExistsException (400) with its own message, naming the field that holds the
 * name taken, as every 400 of the platform does.
 */
public class AlreadyExistsException extends ApiException {

    private final String field;

    public AlreadyExistsException(String field, String message) {
        super(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
