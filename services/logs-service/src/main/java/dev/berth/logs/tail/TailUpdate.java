package dev.berth.logs.tail;

/**
 * What a live tail sends: first {@link SessionStart} once it is reading, then one {@link TailEvent} per event,
 * and {@link SessionEnd} last when the tail ends on its own.
 */
public sealed interface TailUpdate permits TailUpdate.SessionStart, TailEvent, TailUpdate.SessionEnd {

    /** The tail is live: every event reaching berth.logs from now on is seen. */
    record SessionStart(String logGroupName, String filterPattern, long startedAt) implements TailUpdate {
    }

    /** The tail ended because the access token it was opened with expired: open it again with a fresh token. */
    record SessionEnd(String reason, long endedAt) implements TailUpdate {
        static final String TOKEN_EXPIRED = "TokenExpired";
    }
}
