package dev.berth.gateway.iam;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets and ids the platform hands out (passwords, registration tokens, host ids). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String urlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(bytes));
    }

    /** {@code bytes} random bytes in lowercase hex. */
    public static String hex(int bytes) {
        return HexFormat.of().formatHex(random(bytes));
    }

    private static byte[] random(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
