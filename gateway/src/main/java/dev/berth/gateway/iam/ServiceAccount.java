package dev.berth.gateway.iam;

/**
 * A tenant's CI pipeline or tool: a confidential Keycloak client with client credentials.
 * {@code clientSecret} is filled only in the answer to the create call.
 */
public record ServiceAccount(String name, String clientId, String level, String clientSecret) {
}
