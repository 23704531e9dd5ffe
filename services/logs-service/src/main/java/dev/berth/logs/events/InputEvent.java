package dev.berth.logs.events;

/** A log event as clients and agents send it: epoch milliseconds and the message. */
public record InputEvent(long timestamp, String message) {
}
