package dev.berth.scheduler;

import dev.berth.common.http.PageRequest;
import dev.berth.common.http.PageTokens;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list call from up to {@code limit + 1} items found: the first {@code limit}, and a
 * {@code nextToken} at the last of them when there was one more (null when this is the last page).
 */
public record Page<R>(List<R> items, String nextToken) {

    public static <T, R> Page<R> of(List<T> found, PageRequest request, Function<T, R> item,
                                    Function<T, String> position) {
        int limit = request.limit();
        return new Page<>(found.stream().limit(limit).map(item).toList(),
                found.size() > limit ? PageTokens.encode(position.apply(found.get(limit - 1))) : null);
    }
}
