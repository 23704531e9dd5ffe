package dev.berth.common.http;

import dev.berth.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The {@code nextToken} of list calls: the position of a page's last item, opaque to callers. */
public final class PageTokens {

    private PageTokens() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token, null when there is none; a token not given out here is an InvalidParameterException. */
    public static String decode(String token) {
        return decode(token, () -> ApiException.invalidParameter("nextToken: not a token this API gave out"));
    }

    /** The position in a token, null when there is no token; a token this API never gave out throws {@code invalid}. */
    public static String decode(String token, Supplier<? extends RuntimeException> invalid) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
    }

    /** {@code maxResults} of a list call, or an InvalidParameterException naming it. */
    public static int limit(Integer maxResults, int defaultLimit, int max) {
        return limit(maxResults, defaultLimit, max, ApiException::invalidParameter);
    }

    /**
     * {@code maxResults} of a list call: between 1 and {@code max}, or {@code defaultLimit} when not given.
     *
     * @param invalid makes the caller's error from a message that names the field
     */
    public static int limit(Integer maxResults, int defaultLimit, int max,
                            Function<String, ? extends RuntimeException> invalid) {
        if (maxResults == null) {
            return defaultLimit;
        }
        if (maxResults < 1 || maxResults > max) {
            throw invalid.apply("maxResults: between 1 and " + max + ", got " + maxResults);
        }
        return maxResults;
    }

    /**
     * One page of a list call from up to {@code limit + 1} items found: the first {@code limit}
     * under {@code field}, and a {@code nextToken} at the last of them when there was one more.
     */
    public static <T> Map<String, Object> page(String field, List<T> found, int limit, Function<T, ?> item,
                                               Function<T, String> position) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(field, found.stream().limit(limit).map(item).toList());
        if (found.size() > limit) {
            page.put("nextToken", encode(position.apply(found.get(limit - 1))));
        }
        return page;
    }
}
