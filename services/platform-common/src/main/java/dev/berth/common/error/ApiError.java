package dev.berth.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error body of every Berth management API (DESIGN.md §7): an AWS-style exception
 * name, a human message that names the offending field where there is one, that field on its
 * own, and the request id to quote when asking for help.
 */
@Schema(name = "Error", description = "The error body of every management API.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @Schema(description = "AWS-style exception name", examples = "ClusterNotFoundException") String code,
        @Schema(description = "What is wrong; starts with the field where there is one",
                examples = "count: between 1 and 10, got 11") String message,
        @Schema(description = "The input field the error is about (a JSON path), when it is about one",
                examples = "count") String field,
        @Schema(description = "Quote it when asking for help") String requestId) {

    public ApiError(String code, String message, String requestId) {
        this(code, message, InvalidInputException.fieldOf(message), requestId);
    }
}
