package dev.berth.registry.metadata;

/** A manifest names blobs the repository no longer has (they went between the check and the write). */
public class MissingBlobsException extends RuntimeException {

    public MissingBlobsException() {
        super("the manifest refers to blobs this repository does not have", null, false, false);
    }
}
