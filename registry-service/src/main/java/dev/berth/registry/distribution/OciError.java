package dev.berth.registry.distribution;

import dev.berth.registry.digest.Digest;

/** The OCI distribution spec's error codes, with the HTTP status each is answered with. */
public enum OciError {
    BLOB_UNKNOWN(404),
    BLOB_UPLOAD_INVALID(400),
    BLOB_UPLOAD_UNKNOWN(404),
    DIGEST_INVALID(400),
    MANIFEST_BLOB_UNKNOWN(400),
    MANIFEST_INVALID(400),
    MANIFEST_UNKNOWN(404),
    NAME_INVALID(400),
    NAME_UNKNOWN(404),
    SIZE_INVALID(400),
    TAG_INVALID(400),
    DENIED(403),
    UNSUPPORTED(405),
    /** Distribution's code for a client over a limit; docker, podman and skopeo show its message. */
    TOOMANYREQUESTS(429);

    private final int status;

    OciError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** An answer with this error; thrown inside a handler's future chain and rendered by the routes. */
    public OciFailure failure(String message) {
        return new OciFailure(this, status, message);
    }

    /** The same error with another status, e.g. 416 for a chunk out of order. */
    public OciFailure failure(int httpStatus, String message) {
        return new OciFailure(this, httpStatus, message);
    }

    /** Parses a digest from a path or query, or fails with DIGEST_INVALID naming what is wrong. */
    public static Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw DIGEST_INVALID.failure(e.getMessage());
        }
    }

    /** An OCI error as an exception, so handlers can fail their futures with it. */
    public static final class OciFailure extends RuntimeException {
        private final OciError error;
        private final int status;

        OciFailure(OciError error, int status, String message) {
            super(message, null, false, false);
            this.error = error;
            this.status = status;
        }

        public OciError error() {
            return error;
        }

        public int status() {
            return status;
        }
    }
}
