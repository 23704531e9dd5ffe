package dev.berth.common.error;

/**
 * An error a service raises on purpose: one of the {@link ErrorCode}s (which fixes its HTTP
 * status) and a message. Domain exceptions extend it, or {@link InvalidInputException} for bad
 * input, so that the one mapper renders them all; nothing catches and re-throws them.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * 400 InvalidParameterException from a message that starts with the field, e.g.
     * {@code "count: between 1 and 10"}; prefer {@link InvalidInputException#InvalidInputException(String, String)}.
     */
    public static InvalidInputException invalidParameter(String message) {
        return InvalidInputException.fromMessage(ErrorCode.INVALID_PARAMETER, message);
    }

    public ErrorCode errorCode() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public String code() {
        return code.code();
    }

    /** The input field the error is about, or null when it is not about one field. */
    public String field() {
        return null;
    }
}
