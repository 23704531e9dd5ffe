package dev.berth.logs.requests;

import dev.berth.common.error.ApiException;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.filter.InvalidFilterPatternException;

/** A request's {@code filterPattern}, or an InvalidParameterException that names it and says what is wrong. */
public final class FilterPatterns {

    private FilterPatterns() {
    }

    public static FilterPattern parse(String text) {
        try {
            return FilterPattern.parse(text);
        } catch (InvalidFilterPatternException e) {
            throw ApiException.invalidParameter("filterPattern: " + e.getMessage());
        }
    }
}
