package dev.berth.logs.events;

/** An event as stored: its position in a stream is (timestamp, seq). */
public record StoredEvent(long streamId, long timestamp, long seq, long ingestedAt, String message) {

    public Position position() {
        return new Position(timestamp, seq);
    }
}
