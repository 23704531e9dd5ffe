package dev.berth.registry.storage;

import dev.berth.registry.digest.Digest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import java.util.Optional;

/**
 * Where blob content lives: content-addressed, written once, verified while it streams in.
 * Uploads grow in a private area and become a blob only by an atomic move, once their digest
 * is proven. The filesystem driver is the one there is; an object-store driver would sit
 * behind the same calls.
 */
public interface BlobStore {

    /** The blob's size, or empty when the store does not hold it. */
    Future<Optional<Long>> size(Digest digest);

    /** Sends {@code length} bytes of the blob from {@code offset} as the response body. */
    Future<Void> send(Digest digest, long offset, long length, HttpServerResponse response);

    Future<Void> delete(Digest digest);

    Future<Void> startUpload(String uploadId);

    /** Bytes received so far; fails with {@link UploadUnknownException} for an unknown upload. */
    Future<Long> uploadSize(String uploadId);

    /**
     * Appends a body at the current end of the upload, hashing it on the way; the upload never
     * grows past {@code maxSize}: the body is cut off there and the append fails with
     * {@link UploadTooLargeException} (what was written stays until the upload is cancelled).
     *
     * @return the upload's size afterwards
     */
    Future<Long> append(String uploadId, ReadStream<Buffer> body, long maxSize);

    /**
     * Makes the upload the blob {@code expected} if its content has that digest; a blob that is
     * already stored is kept and the upload dropped (content is the same by definition).
     *
     * @return the blob's size; fails with {@link DigestMismatchException} and keeps nothing otherwise
     */
    Future<Long> commit(String uploadId, Digest expected);

    Future<Void> cancel(String uploadId);
}
