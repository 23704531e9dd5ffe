package dev.berth.registry.storage;

/** The upload session does not exist (never started, finished, cancelled or expired). */
public class UploadUnknownException extends RuntimeException {

    public UploadUnknownException(String uploadId) {
        super("upload " + uploadId + " is not known");
    }
}
