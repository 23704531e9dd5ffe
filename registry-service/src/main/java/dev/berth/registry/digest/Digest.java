package dev.berth.registry.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An OCI content digest, {@code <algorithm>:<hex>}: the identity of every blob and manifest.
 * Only sha256 and sha512, the two the OCI image spec registers.
 */
public record Digest(Algorithm algorithm, String hex) {

    public enum Algorithm {
        SHA256("sha256", "SHA-256", 64),
        SHA512("sha512", "SHA-512", 128);

        private final String prefix;
        private final String jcaName;
        private final int hexLength;

        Algorithm(String prefix, String jcaName, int hexLength) {
            this.prefix = prefix;
            this.jcaName = jcaName;
            this.hexLength = hexLength;
        }

        public String prefix() {
            return prefix;
        }

        public MessageDigest newHasher() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(jcaName + " is part of every JDK", e);
            }
        }
    }

    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    /** @throws IllegalArgumentException when the text is not a digest this registry accepts */
    public static Digest parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("digest is missing");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not <algorithm>:<hex>");
        }
        String prefix = text.substring(0, colon);
        String hex = text.substring(colon + 1);
        for (Algorithm algorithm : Algorithm.values()) {
            if (algorithm.prefix.equals(prefix)) {
                if (hex.length() != algorithm.hexLength || !HEX.matcher(hex).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a valid " + prefix + " digest");
                }
                return new Digest(algorithm, hex);
            }
        }
        throw new IllegalArgumentException("digest algorithm '" + prefix + "' is not supported (sha256, sha512)");
    }

    public static boolean looksLikeDigest(String reference) {
        return reference.indexOf(':') > 0;
    }

    public static Digest of(Algorithm algorithm, byte[] content) {
        return new Digest(algorithm, HexFormat.of().formatHex(algorithm.newHasher().digest(content)));
    }

    public static Digest sha256(byte[] content) {
        return of(Algorithm.SHA256, content);
    }

    public static Digest fromHasher(Algorithm algorithm, MessageDigest hasher) {
        return new Digest(algorithm, HexFormat.of().formatHex(hasher.digest()));
    }

    @Override
    public String toString() {
        return algorithm.prefix + ":" + hex;
    }
}
