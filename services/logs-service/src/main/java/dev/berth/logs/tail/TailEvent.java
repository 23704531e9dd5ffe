package dev.berth.logs.tail;

/** One event as the live tail sends it, as soon as it reaches berth.logs. */
public record TailEvent(String logGroupName, String logStreamName, long timestamp, String message, long ingestionTime)
        implements TailUpdate {
}
