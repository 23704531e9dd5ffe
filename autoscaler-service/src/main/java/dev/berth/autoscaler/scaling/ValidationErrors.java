package dev.berth.autoscaler.scaling;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;

/** Bad input to Application Auto Scaling: 400 {@code ValidationException} naming the field, as AWS answers it. */
final class ValidationErrors {

    private ValidationErrors() {
    }

    static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(ErrorCode.VALIDATION, field, problem);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }
}
