package dev.berth.common.error;

import com.google.re2j.Pattern;

/**
 * Bad input, named by its field: 400 with the message {@code "<field>: <problem>"} and the field
 * on its own in the error body, so that a client can point at it. The one exception for invalid
 * input of every service; domain validation errors extend it.
 */
public class InvalidInputException extends ApiException {

    /**
     * A JSON path such as {@code containerDefinitions[0].portMappings[1].hostPort} or {@code body}.
     * Messages can start with a caller's own key (of any length the body limit allows), hence RE2/J,
     * which matches in linear time.
     */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$\\-]*(\\[\\d+\\]|\\.[A-Za-z_$][A-Za-z0-9_$\\-]*)*");

    /** How the message puts field and problem together. */
    public enum Wording {
        /** {@code count: between 1 and 10}: every Berth API. */
        FIELD_FIRST,
        /** {@code Invalid parameter at 'policyText': <why>}: as ECR words its policy errors. */
        INVALID_PARAMETER_AT
    }

    private final String field;

    public InvalidInputException(String field, String problem) {
        this(ErrorCode.INVALID_PARAMETER, field, problem);
    }

    public InvalidInputException(ErrorCode code, String field, String problem) {
        super(code, field == null ? problem : field + ": " + problem);
        this.field = field;
    }

    protected InvalidInputException(String field, String problem, Wording wording) {
        super(ErrorCode.INVALID_PARAMETER, wording == Wording.INVALID_PARAMETER_AT
                ? "Invalid parameter at '" + field + "': " + problem : field + ": " + problem);
        this.field = field;
    }

    /** From a message that starts with {@code "<field>: "}; the field is null when it does not. */
    public static InvalidInputException fromMessage(ErrorCode code, String message) {
        String field = fieldOf(message);
        return field == null ? new InvalidInputException(code, null, message)
                : new InvalidInputException(code, field, message.substring(field.length() + 2));
    }

    /** The field a message of the form {@code "<field>: <problem>"} names, or null. */
    public static String fieldOf(String message) {
        if (message == null) {
            return null;
        }
        int colon = message.indexOf(": ");
        if (colon < 1) {
            return null;
        }
        String candidate = message.substring(0, colon);
        return FIELD.matcher(candidate).matches() ? candidate : null;
    }

    @Override
    public String field() {
        return field;
    }
}
