package dev.berth.common.error;

/**
 * Every error code a Berth management API answers with, and its one HTTP status. A code means
 * the same status everywhere: a name in the path that does not exist is 404 with the AWS
 * not-found name of that resource, bad input is always 400 {@code InvalidParameterException}
 * (or ECS's {@code ClientException} for task definitions), a name taken is 409 where IAM and
 * ECR answer 409 and 400 where CloudWatch Logs does.
 */
public enum ErrorCode {
    INVALID_PARAMETER("InvalidParameterException", 400),
    CLIENT("ClientException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400),
    CLUSTER_CONTAINS_CONTAINER_INSTANCES("ClusterContainsContainerInstancesException", 400),
    CLUSTER_CONTAINS_SERVICES("ClusterContainsServicesException", 400),
    MISSING_TOKEN("MissingAuthenticationTokenException", 401),
    INVALID_TOKEN("UnrecognizedClientException", 401),
    INVALID_REGISTRATION_TOKEN("InvalidRegistrationTokenException", 401),
    ACCESS_DENIED("AccessDeniedException", 403),
    NOT_FOUND("ResourceNotFoundException", 404),
    CLUSTER_NOT_FOUND("ClusterNotFoundException", 404),
    SERVICE_NOT_FOUND("ServiceNotFoundException", 404),
    TARGET_NOT_FOUND("TargetNotFoundException", 404),
    REPOSITORY_NOT_FOUND("RepositoryNotFoundException", 404),
    REPOSITORY_POLICY_NOT_FOUND("RepositoryPolicyNotFoundException", 404),
    LIFECYCLE_POLICY_NOT_FOUND("LifecyclePolicyNotFoundException", 404),
    LIFECYCLE_POLICY_PREVIEW_NOT_FOUND("LifecyclePolicyPreviewNotFoundException", 404),
    USER_NOT_FOUND("UserNotFoundException", 404),
    NO_SUCH_ENTITY("NoSuchEntityException", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowedException", 405),
    CONFLICT("ConflictException", 409),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExistsException", 409),
    DELETE_CONFLICT("DeleteConflictException", 409),
    USER_ALREADY_EXISTS("UserAlreadyExistsException", 409),
    SERVICE_ACCOUNT_ALREADY_EXISTS("ServiceAccountAlreadyExistsException", 409),
    REPOSITORY_ALREADY_EXISTS("RepositoryAlreadyExistsException", 409),
    REPOSITORY_NOT_EMPTY("RepositoryNotEmptyException", 409),
    REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaTypeException", 415),
    THROTTLING("ThrottlingException", 429),
    SERVER("ServerException", 500),
    IDENTITY_PROVIDER("IdentityProviderException", 502),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503),
    VALIDATION("ValidationException", 400),
    OBJECT_NOT_FOUND("ObjectNotFoundException", 404),
    CONCURRENT_UPDATE("ConcurrentUpdateException", 409),
    FAILED_RESOURCE_ACCESS("FailedResourceAccessException", 400),
    CLOUDWATCH_RESOURCE_NOT_FOUND("ResourceNotFound", 404);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The AWS-style exception name, e.g. {@code ClusterNotFoundException}. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /**
     * The name for an error the framework raised with only a status (no route, a wrong method,
     * an unreadable body); a status without a name of its own is a client or server error.
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_PARAMETER.code;
            case 401 -> MISSING_TOKEN.code;
            case 403 -> ACCESS_DENIED.code;
            case 404 -> NOT_FOUND.code;
            case 405 -> METHOD_NOT_ALLOWED.code;
            case 406, 415 -> UNSUPPORTED_MEDIA_TYPE.code;
            case 409 -> CONFLICT.code;
            case 413 -> REQUEST_TOO_LARGE.code;
            case 429 -> THROTTLING.code;
            case 503 -> SERVICE_UNAVAILABLE.code;
            default -> status >= 500 ? SERVER.code : CLIENT.code;
        };
    }
}
