package dev.berth.gateway.hosts;

/** Body of {@code POST /api/iam/v1/host-registrations}, sent by a host agent with no token yet. */
public record HostRegistrationRequest(String registrationToken, String hostname) {
}
