package dev.berth.logs.filter;

import java.util.Optional;

/** A log event that matched a {@link FilterPattern}, with the values its pattern can select. */
public interface Match {

    /**
     * Value of a metric-filter selector: "$.latency" / "$.a.b[0].c" for JSON patterns, "$status" (or the
     * 1-based position, "$7") for a field of a space-delimited pattern. Empty when absent.
     */
    Optional<String> value(String selector);
}
