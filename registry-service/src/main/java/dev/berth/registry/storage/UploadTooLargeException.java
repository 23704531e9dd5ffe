package dev.berth.registry.storage;

/** An upload's body would make it larger than it may grow (the tenant's remaining storage quota). */
public class UploadTooLargeException extends RuntimeException {

    private final long limit;

    public UploadTooLargeException(long limit) {
        super("upload would exceed " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    /** The size the upload may not go past. */
    public long limit() {
        return limit;
    }
}
