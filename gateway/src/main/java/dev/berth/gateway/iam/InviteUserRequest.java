package dev.berth.gateway.iam;

/** Body of {@code POST /api/iam/v1/users}. */
public record InviteUserRequest(String username, String email, String level) {
}
