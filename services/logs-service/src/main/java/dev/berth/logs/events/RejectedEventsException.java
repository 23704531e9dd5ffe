package dev.berth.logs.events;

import dev.berth.common.error.InvalidInputException;

/** A PutLogEvents batch refused whole because some events are outside the time window. */
public class RejectedEventsException extends InvalidInputException {

    private final EventTimeWindow.Rejected rejected;

    public RejectedEventsException(EventTimeWindow.Rejected rejected) {
        super("logEvents", problem(rejected));
        this.rejected = rejected;
    }

    public EventTimeWindow.Rejected rejected() {
        return rejected;
    }

    private static String problem(EventTimeWindow.Rejected r) {
        StringBuilder text = new StringBuilder("nothing was stored;");
        if (r.tooNewLogEventStartIndex() != null) {
            text.append(" events from index ").append(r.tooNewLogEventStartIndex())
                    .append(" are more than 2 hours in the future;");
        }
        if (r.tooOldLogEventEndIndex() != null) {
            text.append(" events up to index ").append(r.tooOldLogEventEndIndex())
                    .append(" are more than 14 days old;");
        }
        if (r.expiredLogEventEndIndex() != null) {
            text.append(" events up to index ").append(r.expiredLogEventEndIndex())
                    .append(" are older than the log group's retention;");
        }
        return text.substring(0, text.length() - 1);
    }
}
