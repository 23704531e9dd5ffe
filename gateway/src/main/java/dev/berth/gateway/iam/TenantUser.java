package dev.berth.gateway.iam;

/** A person of a tenant with their level, as the users API shows them. */
public record TenantUser(String username, String email, boolean enabled, String level) {
}
