package dev.berth.scheduler.tags;

/** ECS's tag: {@code {"key": "team", "value": "web"}}; a tag without a value has the empty one. */
public record Tag(String key, String value) {
}
