package dev.berth.logs.events;

import java.util.Optional;

/** Where an event sits in time order: its timestamp, then the order it was stored in. */
public record Position(long timestamp, long seq) {

    public static final Position START = new Position(Long.MIN_VALUE, Long.MIN_VALUE);
    public static final Position END = new Position(Long.MAX_VALUE, Long.MAX_VALUE);

    /** The later of the two: a forward scan bound that never starts before {@code other}. */
    public Position atLeast(Position other) {
        return timestamp > other.timestamp || timestamp == other.timestamp && seq >= other.seq ? this : other;
    }

    /** The earlier of the two: a backward scan bound that never starts after {@code other}. */
    public Position atMost(Position other) {
        return atLeast(other) == this ? other : this;
    }

    @Override
    public String toString() {
        return timestamp + "/" + seq;
    }

    public static Optional<Position> parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
