package dev.berth.logs.events;

import java.util.List;

/**
 * CloudWatch's time rules for incoming events: none more than 2 hours in the future, none more
 * than 14 days in the past, none older than the group's retention. Positions are indexes into
 * the batch as sent, as CloudWatch's {@code rejectedLogEventsInfo} gives them.
 */
public final class EventTimeWindow {

    public static final long MAX_FUTURE_MILLIS = 2 * 3_600_000L;
    public static final long MAX_AGE_MILLIS = 14 * 86_400_000L;

    /** Which events break the rules; every field null when none does. */
    public record Rejected(Integer tooNewLogEventStartIndex, Integer tooOldLogEventEndIndex,
                           Integer expiredLogEventEndIndex) {
        public boolean any() {
            return tooNewLogEventStartIndex != null || tooOldLogEventEndIndex != null || expiredLogEventEndIndex != null;
        }
    }

    private EventTimeWindow() {
    }

    /** @param visibleFrom the oldest time the group's retention keeps (0 when it keeps everything) */
    public static Rejected check(List<InputEvent> events, long nowMillis, long visibleFrom) {
        Integer tooNew = null;
        Integer tooOld = null;
        Integer expired = null;
        for (int i = 0; i < events.size(); i++) {
            long ts = events.get(i).timestamp();
            if (ts > nowMillis + MAX_FUTURE_MILLIS) {
                tooNew = tooNew == null ? i : Math.min(tooNew, i);
            } else if (ts < visibleFrom) {
                expired = i;
            } else if (ts < nowMillis - MAX_AGE_MILLIS) {
                tooOld = i;
            }
        }
        return new Rejected(tooNew, tooOld, expired);
    }

    /** Whether one event may be stored now. */
    public static boolean accepts(long timestamp, long nowMillis, long visibleFrom) {
        return timestamp <= nowMillis + MAX_FUTURE_MILLIS && timestamp >= visibleFrom
                && timestamp >= nowMillis - MAX_AGE_MILLIS;
    }
}
