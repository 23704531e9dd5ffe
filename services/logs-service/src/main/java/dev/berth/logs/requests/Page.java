package dev.berth.logs.requests;

import dev.berth.common.http.PageTokens;
import java.util.List;
import java.util.function.Function;

/** One page of a list call: its items, and the {@code nextToken} to read on from, null on the last page. */
public record Page<V>(List<V> items, String nextToken) {

    /** The first {@code limit} of up to {@code limit + 1} items found, with a token at the last of them when there was one more. */
    public static <T, V> Page<V> of(List<T> found, int limit, Function<T, V> item, Function<T, String> position) {
        List<V> items = found.stream().limit(limit).map(item).toList();
        String next = found.size() > limit ? PageTokens.encode(position.apply(found.get(limit - 1))) : null;
        return new Page<>(items, next);
    }
}
