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

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
