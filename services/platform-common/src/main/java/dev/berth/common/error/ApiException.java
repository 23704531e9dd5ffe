package dev.berth.common.error;

/**
 * An error a service raises on purpose, with the AWS-style name users look for
 * (e.g. {@code ClusterNotFoundException}) and the HTTP status it maps to.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** 400 InvalidParameterException; the message starts with the field, e.g. {@code "count: between 1 and 10"}. */
    public static ApiException invalidParameter(String message) {
        return new ApiException(400, "InvalidParameterException", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
