package dev.berth.autoscaler.scaling;

import dev.berth.common.http.PageTokens;

/** MaxResults and NextToken of Application Auto Scaling's describe calls (1 to 50, default 50). */
public final class ScalingPages {

    public static final int MAX_RESULTS = 50;

    private ScalingPages() {
    }

    public static int limit(Integer maxResults) {
        if (maxResults == null) {
            return MAX_RESULTS;
        }
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw ValidationErrors.invalid("MaxResults", "must be 1 to " + MAX_RESULTS + ", got " + maxResults);
        }
        return maxResults;
    }

    /** The position a NextToken holds, null for the first page. */
    public static String position(String nextToken) {
        if (nextToken != null && nextToken.length() > 4096) {
            throw ValidationErrors.invalid("NextToken", "is not a token this API gave out");
        }
        return PageTokens.decode(nextToken, () -> ValidationErrors.invalid("NextToken", "is not a token this API gave out"));
    }

    public static String token(String position) {
        return PageTokens.encode(position);
    }
}
