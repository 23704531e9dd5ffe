package dev.berth.common.error;

/** Default AWS-style exception names for an HTTP status, used when nothing more specific is known. */
public final class ErrorCodes {

    public static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    public static final String INVALID_TOKEN = "UnrecognizedClientException";
    public static final String ACCESS_DENIED = "AccessDeniedException";
    public static final String NOT_FOUND = "ResourceNotFoundException";

    private ErrorCodes() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "InvalidParameterException";
            case 401 -> MISSING_TOKEN;
            case 403 -> ACCESS_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> "MethodNotAllowedException";
            case 406, 415 -> "UnsupportedMediaTypeException";
            case 409 -> "ConflictException";
            case 429 -> "ThrottlingException";
            case 503 -> "ServiceUnavailableException";
            default -> status >= 500 ? "ServerException" : "ClientException";
        };
    }
}
