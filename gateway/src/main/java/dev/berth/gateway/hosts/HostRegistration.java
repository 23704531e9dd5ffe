package dev.berth.gateway.hosts;

/**
 * What a registered host receives once: its own Keycloak client credentials. Its tokens carry
 * {@code tenant}, {@code cluster}, {@code host_id} and the role {@code host}.
 */
public record HostRegistration(String hostId, String tenant, String cluster, String clientId, String clientSecret,
                               String tokenEndpoint) {
}
