package dev.berth.common.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
        return randomUuid().toString();
    }

    /**
     * A version-4 UUID from a fast, non-cryptographic generator: request ids only need to be
     * unique, and {@link UUID#randomUUID()} takes a lock on the system's secure random source
     * for every request.
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
