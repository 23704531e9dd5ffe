package dev.berth.logs.events;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;

/**
 * GetLogEvents' tokens: a direction and a position. {@code f/…} reads the events after the
 * position, {@code b/…} those before it; callers see them as opaque strings.
 */
public record EventTokens(boolean forward, Position position) {

    public static EventTokens forwardFrom(Position position) {
        return new EventTokens(true, position);
    }

    public static EventTokens backwardFrom(Position position) {
        return new EventTokens(false, position);
    }

    public String encode() {
        return PageTokens.encode((forward ? "f/" : "b/") + position);
    }

    public static EventTokens decode(String token) {
        String text = PageTokens.decode(token);
        if (text == null || text.length() < 3 || !(text.startsWith("f/") || text.startsWith("b/"))) {
            throw invalid();
        }
        Position position = Position.parse(text.substring(2)).orElseThrow(EventTokens::invalid);
        return new EventTokens(text.charAt(0) == 'f', position);
    }

    private static ApiException invalid() {
        return new InvalidInputException("nextToken", "not a token this API gave out");
    }
}
