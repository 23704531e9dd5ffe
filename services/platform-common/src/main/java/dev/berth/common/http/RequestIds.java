package dev.berth.common.http;

import java.util.UUID;

/** The request id that follows a call from the gateway through every service and into its errors. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** Keeps a caller's id when it is sane, otherwise makes a new one. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && !incoming.isBlank() && incoming.length() <= MAX_LENGTH
                && incoming.chars().allMatch(RequestIds::isSafe)) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
