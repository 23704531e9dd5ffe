package dev.berth.common.caller;

import java.util.List;

/**
 * Who is calling, as read from a validated access token: the answer of
 * {@code GET /api/<service>/v1/caller} (the platform's GetCallerIdentity).
 */
public record Caller(String service, String subject, String username, String tenant, List<String> roles) {
}
