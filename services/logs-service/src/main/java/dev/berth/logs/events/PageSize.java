package dev.berth.logs.events;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch's bound on a page of GetLogEvents or FilterLogEvents: 1 MiB of events, counted as in
 * PutLogEvents (message in UTF-8 plus 26 bytes each). A page holds at least one event whatever its size.
 */
final class PageSize {

    static final long MAX_BYTES = 1_048_576;

    private long bytes;
    private int events;

    /** Counts the event in when it fits and says whether it did. */
    boolean add(String message) {
        long size = PutLogEventsLimits.eventBytes(message);
        if (events > 0 && bytes + size > MAX_BYTES) {
            return false;
        }
        bytes += size;
        events++;
        return true;
    }

    /** The longest start of {@code events} that fits one page. */
    static List<StoredEvent> fitting(List<StoredEvent> events) {
        PageSize page = new PageSize();
        List<StoredEvent> fitting = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            if (!page.add(event.message())) {
                break;
            }
            fitting.add(event);
        }
        return fitting;
    }
}
