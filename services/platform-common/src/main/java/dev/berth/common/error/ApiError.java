package dev.berth.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body of every Berth management API (DESIGN.md §7): an AWS-style exception
 * name, a human message that names the offending field where there is one, that field on its
 * own (left out when the error is not about one field), and the request id to quote when asking
 * for help. Its OpenAPI schema is {@code Error}, written by {@code ErrorResponsesFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String field, String requestId) {

    public ApiError(String code, String message, String requestId) {
        this(code, message, InvalidInputException.fieldOf(message), requestId);
    }
}
