package dev.berth.registry.storage;

import dev.berth.registry.digest.Digest;

/** The content received does not have the digest the client named. */
public class DigestMismatchException extends RuntimeException {

    public DigestMismatchException(Digest expected, Digest actual) {
        super("the content's digest is " + actual + ", not " + expected);
    }
}
