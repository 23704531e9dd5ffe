package dev.berth.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/** The {@code nextToken} of list calls: the position of a page's last item, opaque to callers. */
public final class PageTokens {

    private PageTokens() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
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
}
