package dev.berth.gateway.audit;

/**
 * One mutating API call, as the audit trail keeps it (the CloudTrail record of Berth).
 *
 * @param principal     who: the user name, service-account client id, host or task; {@code anonymous}
 *                      for a call refused before authentication
 * @param principalKind USER, SERVICE_ACCOUNT, HOST, TASK or ANONYMOUS
 * @param subject       the token's subject
 * @param action        the HTTP method, e.g. {@code DELETE}
 * @param resource      the path called, e.g. {@code /api/scheduler/v1/clusters/prod}
 * @param result        the HTTP status answered
 * @param sourceAddress the client's address as the gateway saw it
 * @param requestId     the request id, to find the call in the services' logs
 */
public record AuditEvent(String principal, String principalKind, String subject, String action, String resource,
                         int result, String sourceAddress, String requestId) {

    public static final String TYPE = "berth.audit.api-call";
    public static final int VERSION = 1;
}
