package dev.berth.gateway.iam;

/** Body of {@code POST /api/iam/v1/service-accounts}. */
public record CreateServiceAccountRequest(String name, String level) {
}
