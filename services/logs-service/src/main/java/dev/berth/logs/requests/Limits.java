package dev.berth.logs.requests;

import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;

/** CloudWatch Logs calls name their page size {@code limit}: its value, or an InvalidParameterException naming it. */
public final class Limits {

    private Limits() {
    }

    public static int of(Integer limit, int defaultLimit, int max) {
        if (limit != null && (limit < 1 || limit > max)) {
            throw new InvalidInputException("limit", "between 1 and " + max + ", got " + limit);
        }
        return PageTokens.limit(limit, defaultLimit, max);
    }
}
