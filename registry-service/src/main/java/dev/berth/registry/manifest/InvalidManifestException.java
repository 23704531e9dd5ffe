package dev.berth.registry.manifest;

/** The manifest cannot be stored: malformed, of an unknown type, or naming a bad digest. */
public class InvalidManifestException extends RuntimeException {

    public InvalidManifestException(String message) {
        super(message);
    }
}
