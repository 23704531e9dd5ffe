package dev.berth.logs.events;

import dev.berth.common.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The size rules of CloudWatch's PutLogEvents: at most 10,000 events and 1 MiB, counting 26 bytes per
 * event, and at most 256 KiB per event counted the same way.
 */
public final class PutLogEventsLimits {

    public static final int MAX_EVENTS = 10_000;
    public static final int MAX_EVENT_BYTES = 262_144;
    public static final int MAX_BATCH_BYTES = 1_048_576;
    public static final int EVENT_OVERHEAD_BYTES = 26;
    public static final long MAX_SPAN_MILLIS = 86_400_000L;

    private PutLogEventsLimits() {
    }

    public static void check(List<InputEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("logEvents", "at least one event is required");
        }
        if (events.size() > MAX_EVENTS) {
            throw new InvalidInputException("logEvents", "at most " + MAX_EVENTS + " events per call, got "
                    + events.size());
        }
        long bytes = 0;
        for (int i = 0; i < events.size(); i++) {
            InputEvent event = events.get(i);
            if (event == null || event.message() == null || event.message().isEmpty()) {
                throw new InvalidInputException("logEvents[" + i + "].message", "must not be empty");
            }
            long eventBytes = eventBytes(event.message());
            if (eventBytes > MAX_EVENT_BYTES) {
                throw new InvalidInputException("logEvents[" + i + "].message", "an event is at most "
                        + MAX_EVENT_BYTES + " bytes (its message in UTF-8 plus " + EVENT_OVERHEAD_BYTES
                        + "), this one is " + eventBytes + "; nothing was stored");
            }
            bytes += eventBytes;
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw new InvalidInputException("logEvents", "the batch is " + bytes + " bytes (messages in UTF-8 plus "
                    + EVENT_OVERHEAD_BYTES + " per event); at most " + MAX_BATCH_BYTES);
        }
    }

    /** The 24-hour span rule, checked after the time window so that events too old or too new are reported as such. */
    public static void checkSpan(List<InputEvent> events) {
        long first = events.stream().mapToLong(InputEvent::timestamp).min().orElse(0);
        long last = events.stream().mapToLong(InputEvent::timestamp).max().orElse(0);
        if (last - first > MAX_SPAN_MILLIS) {
            throw new InvalidInputException("logEvents", "a batch may not span more than 24 hours, this one spans "
                    + (last - first) / 60_000 + " minutes");
        }
    }

    /** What an event counts for in batch size and stored bytes. */
    public static long eventBytes(String message) {
        return utf8Length(message) + EVENT_OVERHEAD_BYTES;
    }

    /**
     * The message cut to the longest start that fits {@link #MAX_EVENT_BYTES}, never inside a character;
     * the same instance when it fits already.
     */
    public static String truncated(String message) {
        int budget = MAX_EVENT_BYTES - EVENT_OVERHEAD_BYTES;
        if (message.length() <= budget / 3 || utf8Length(message) <= budget) {
            return message;
        }
        int bytes = 0;
        int end = 0;
        while (end < message.length()) {
            int codePoint = message.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return message.substring(0, end);
    }

    static int utf8Length(String text) {
        int ascii = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
            ascii++;
        }
        return ascii;
    }
}
