package dev.berth.common.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The frame of every message on the platform's topics (DESIGN.md §4): consumers dedupe by
 * {@code id} and route by {@code type}; {@code detail} is the event itself.
 */
public record EventEnvelope<T>(String type, int version, String id, String tenant, Instant time,
                               String traceparent, T detail) {

    public static <T> EventEnvelope<T> of(String type, int version, String tenant, String traceparent, T detail) {
        return new EventEnvelope<>(type, version, UUID.randomUUID().toString(), tenant, Instant.now(), traceparent, detail);
    }
}
