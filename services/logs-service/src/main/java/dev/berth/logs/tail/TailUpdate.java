package dev.berth.logs.tail;

/** What a live tail sends: first {@link SessionStart} once it is reading, then one {@link TailEvent} per event. */
public sealed interface TailUpdate permits TailUpdate.SessionStart, TailEvent {

    /** The tail is live: every event reaching berth.logs from now on is seen. */
    record SessionStart(String logGroupName, String filterPattern, long startedAt) implements TailUpdate {
    }
}
