package dev.berth.gateway.iam;

/** Body of {@code PUT /api/iam/v1/users/{username}/level}. */
public record LevelChange(String level) {
}
