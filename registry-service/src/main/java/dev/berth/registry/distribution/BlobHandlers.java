package dev.berth.registry.distribution;

import dev.berth.common.auth.RegistryAccess;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.digest.Digest;
import dev.berth.registry.metadata.RegistryMetadata;
import dev.berth.registry.quota.QuotaExceededException;
import dev.berth.registry.quota.Quotas;
import dev.berth.registry.storage.BlobStore;
import dev.berth.registry.storage.DigestMismatchException;
import dev.berth.registry.storage.UploadTooLargeException;
import dev.berth.registry.storage.UploadUnknownException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blobs and blob uploads of the distribution API: HEAD/GET/DELETE, POST/PATCH/PUT/GET/DELETE uploads, mounts. */
@ApplicationScoped
public class BlobHandlers {

    /** Offsets of at most 18 digits: every one fits a long, so none fails to parse. */
    private static final Pattern CONTENT_RANGE = Pattern.compile("^(?:bytes )?(\\d{1,18})-(\\d{1,18})$");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

    @Inject
    RegistryMetadata metadata;

    @Inject
    BlobStore store;

    @Inject
    Quotas quotas;

    @Inject
    RepositoryAuthorizer authorizer;

    /** Upload expiry and how many sessions one tenant may have open (each holds a file and a row). */
    @Inject
    RegistryConfig config;

    // ------------------------------------------------------------------ blobs

    Future<Void> get(OciRequest r, String digestText) {
        Digest digest = OciError.digest(digestText);
        return UniHelper.toFuture(metadata.linkedBlobSize(r.repository().id(), digest)).compose(size -> {
            if (size.isEmpty()) {
                return Future.failedFuture(OciError.BLOB_UNKNOWN.failure("blob unknown to registry: " + digest));
            }
            long length = size.get();
            var response = OciResponses.response(r.ctx(), 200)
                    .putHeader(OciResponses.DIGEST_HEADER, digest.toString())
                    .putHeader("Content-Type", "application/octet-stream")
                    .putHeader("Accept-Ranges", "bytes");
            if (r.ctx().request().method() == HttpMethod.HEAD) {
                response.putHeader("Content-Length", String.valueOf(length)).end();
                return Future.succeededFuture();
            }
            String range = r.ctx().request().getHeader("Range");
            if (range == null) {
                return store.send(digest, 0, length, response);
            }
            long[] span = byteRange(range, length);
            if (span == null) {
                response.setStatusCode(416).putHeader("Content-Range", "bytes */" + length).end();
                return Future.succeededFuture();
            }
            response.setStatusCode(206).putHeader("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + length);
            return store.send(digest, span[0], span[1] - span[0] + 1, response);
        });
    }

    Future<Void> delete(OciRequest r, String digestText) {
        Digest digest = OciError.digest(digestText);
        return UniHelper.toFuture(metadata.unlinkBlob(r.repository().id(), digest)).compose(removed -> {
            if (!removed) {
                return Future.failedFuture(OciError.BLOB_UNKNOWN.failure("blob unknown to registry: " + digest));
            }
            OciResponses.response(r.ctx(), 202).end();
            return Future.succeededFuture();
        });
    }

    // ------------------------------------------------------------------ uploads

    /** POST: a mount, a monolithic upload ({@code ?digest=}) or the start of a session. */
    Future<Void> startUpload(OciRequest r) {
        HttpServerRequest request = r.ctx().request();
        String mount = request.getParam("mount");
        if (mount != null) {
            Digest digest = OciError.digest(mount);
            return mountable(r, digest, request.getParam("from")).compose(size -> size.isEmpty()
                    ? Future.succeededFuture(false)
                    : UniHelper.toFuture(metadata.withBlobLock(digest, c -> metadata.blobSize(c, digest)
                            .chain(stillThere -> stillThere.isEmpty()
                                    ? Uni.createFrom().item(false)
                                    : metadata.linkBlob(c, r.repository().id(), digest, stillThere.get()).replaceWith(true)))))
                    .compose(mounted -> {
                        if (mounted) {
                            created(r, digest);
                            return Future.succeededFuture();
                        }
                        return newSession(r, request.getParam("digest"));
                    });
        }
        return newSession(r, request.getParam("digest"));
    }

    /**
     * The blob's size when the caller may mount it: only from the repository named in
     * {@code from}, which the caller must be allowed to pull exactly as a pull would be checked.
     * Empty otherwise, and the client gets a plain upload session (the OCI fallback), which
     * tells it nothing about whether the blob exists.
     */
    private Future<Optional<Long>> mountable(OciRequest r, Digest digest, String from) {
        if (from == null || from.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return authorizer.authorize(r.caller(), from, RegistryAccess.PULL)
                .compose(allowed -> UniHelper.toFuture(metadata.repository(from)))
                .compose(source -> source.isEmpty()
                        ? Future.succeededFuture(Optional.<Long>empty())
                        : UniHelper.toFuture(metadata.linkedBlobSize(source.get().id(), digest)))
                .recover(refused -> refused instanceof OciError.OciFailure
                        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(refused));
    }

    private Future<Void> newSession(OciRequest r, String monolithicDigest) {
        Digest digest = monolithicDigest == null ? null : OciError.digest(monolithicDigest);
        UUID id = UUID.randomUUID();
        OffsetDateTime expiresAt = OffsetDateTime.now().plus(config.uploadExpiry());
        return UniHelper.toFuture(metadata.startUpload(id, r.repository(), expiresAt, config.maxOpenUploadsPerTenant()))
                .compose(opened -> opened ? store.startUpload(id.toString())
                        : Future.failedFuture(OciError.TOOMANYREQUESTS.failure("tenant " + r.repository().tenant()
                                + " already has " + config.maxOpenUploadsPerTenant() + " blob uploads open, the most it may have "
                                + "(berth.registry.max-open-uploads-per-tenant); finish or cancel one first")))
                .compose(v -> {
                    if (digest == null) {
                        OciResponses.response(r.ctx(), 202)
                                .putHeader("Location", uploadLocation(r, id.toString()))
                                .putHeader("Range", "0-0")
                                .putHeader(OciResponses.UPLOAD_UUID_HEADER, id.toString())
                                .putHeader("Content-Length", "0")
                                .end();
                        return Future.succeededFuture();
                    }
                    return append(r, id, digest)
                            .compose(size -> commit(r, id, digest));
                });
    }

    /** PATCH: one chunk, which must start where the upload ends. */
    Future<Void> appendChunk(OciRequest r, String uploadId) {
        UUID id = uploadId(uploadId);
        String contentRange = r.ctx().request().getHeader("Content-Range");
        return session(r, id).compose(size -> {
            long expectedLength = -1;
            if (contentRange != null) {
                Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
                if (!m.matches() || Long.parseLong(m.group(1)) != size
                        || Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))) {
                    r.ctx().response().putHeader("Location", uploadLocation(r, uploadId))
                            .putHeader("Range", rangeHeader(size));
                    return Future.failedFuture(OciError.BLOB_UPLOAD_INVALID.failure(416,
                            "chunk " + contentRange + " does not start at the upload's end (" + size + ")"));
                }
                expectedLength = Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1;
            }
            long expected = expectedLength;
            return append(r, id, null).compose(newSize -> {
                if (expected >= 0 && newSize - size != expected) {
                    return Future.failedFuture(OciError.SIZE_INVALID.failure(
                            "Content-Range promised " + expected + " bytes, got " + (newSize - size)));
                }
                OciResponses.response(r.ctx(), 202)
                        .putHeader("Location", uploadLocation(r, uploadId))
                        .putHeader("Range", rangeHeader(newSize))
                        .putHeader(OciResponses.UPLOAD_UUID_HEADER, uploadId)
                        .putHeader("Content-Length", "0")
                        .end();
                return Future.succeededFuture();
            });
        });
    }

    /** PUT: the last chunk (optional) and the digest; the blob exists only if the digest matches. */
    Future<Void> finishUpload(OciRequest r, String uploadId) {
        UUID id = uploadId(uploadId);
        Digest digest = OciError.digest(r.ctx().request().getParam("digest"));
        return session(r, id)
                .compose(size -> append(r, id, digest))
                .compose(size -> commit(r, id, digest));
    }

    Future<Void> uploadStatus(OciRequest r, String uploadId) {
        UUID id = uploadId(uploadId);
        return session(r, id).map(size -> {
            OciResponses.response(r.ctx(), 204)
                    .putHeader("Location", uploadLocation(r, uploadId))
                    .putHeader("Range", rangeHeader(size))
                    .putHeader(OciResponses.UPLOAD_UUID_HEADER, uploadId)
                    .end();
            return null;
        });
    }

    Future<Void> cancelUpload(OciRequest r, String uploadId) {
        UUID id = uploadId(uploadId);
        return session(r, id)
                .compose(size -> store.cancel(uploadId))
                .compose(v -> UniHelper.toFuture(metadata.endUpload(id)))
                .map(v -> {
                    OciResponses.response(r.ctx(), 204).end();
                    return null;
                });
    }

    /**
     * Appends the request body to the upload, cut off where it would take the upload past the
     * tenant's remaining storage quota (its other open uploads count too): then the whole upload
     * is discarded and the push denied, and the connection closed rather than the rest of the body
     * read. A blob the tenant already stores costs nothing, so an upload that names its digest up
     * front is not cut off then.
     */
    private Future<Long> append(OciRequest r, UUID id, Digest digest) {
        String tenant = r.repository().tenant();
        return UniHelper.toFuture(quotas.room(tenant, digest, id)).compose(room -> store.append(id.toString(),
                        r.ctx().request(), room.isPresent() ? room.getAsLong() : Long.MAX_VALUE)
                .compose(size -> UniHelper.toFuture(metadata.uploadReceived(id, size)).map(size))
                .recover(failure -> failure instanceof UploadTooLargeException
                        ? discard(id).transform(x -> {
                            r.ctx().response().putHeader("Connection", "close");
                            return Future.failedFuture(OciError.DENIED.failure("storage quota of " + tenant
                                    + " exceeded: this upload would need more than the " + room.getAsLong()
                                    + " bytes left of the tenant's quota of " + quotas.limitOf(tenant).getAsLong()
                                    + " bytes; the upload was discarded"));
                        })
                        : Future.failedFuture(failure)));
    }

    private Future<Void> discard(UUID id) {
        return store.cancel(id.toString()).transform(x -> UniHelper.toFuture(metadata.endUpload(id)));
    }

    /** Verifies and moves the upload into place and links it, all under the blob's lock. */
    private Future<Void> commit(OciRequest r, UUID id, Digest digest) {
        return UniHelper.toFuture(metadata.withBlobLock(digest, c -> UniHelper.toUni(store.uploadSize(id.toString()))
                        .chain(size -> quotas.check(c, r.repository().tenant(), digest, size))
                        .chain(fits -> UniHelper.toUni(store.commit(id.toString(), digest)))
                        .chain(size -> metadata.linkBlob(c, r.repository().id(), digest, size))))
                .recover(failure -> failure instanceof DigestMismatchException
                        ? UniHelper.toFuture(metadata.endUpload(id)).transform(x ->
                                Future.failedFuture(OciError.DIGEST_INVALID.failure(failure.getMessage())))
                        : failure instanceof QuotaExceededException
                        ? discard(id).transform(x -> Future.failedFuture(OciError.DENIED.failure(failure.getMessage())))
                        : Future.failedFuture(failure))
                .compose(v -> UniHelper.toFuture(metadata.endUpload(id)))
                .map(v -> {
                    created(r, digest);
                    return null;
                });
    }

    private static void created(OciRequest r, Digest digest) {
        OciResponses.response(r.ctx(), 201)
                .putHeader("Location", r.base() + "/blobs/" + digest)
                .putHeader(OciResponses.DIGEST_HEADER, digest.toString())
                .putHeader("Content-Length", "0")
                .end();
    }

    /** The upload's current size, if it is a live session of this repository. */
    private Future<Long> session(OciRequest r, UUID id) {
        return UniHelper.toFuture(metadata.uploadExists(id, r.repository().id())).compose(exists -> exists
                ? store.uploadSize(id.toString())
                : Future.failedFuture(uploadUnknown(id.toString())))
                .recover(failure -> failure instanceof UploadUnknownException
                        ? Future.failedFuture(uploadUnknown(id.toString())) : Future.failedFuture(failure));
    }

    private static OciError.OciFailure uploadUnknown(String id) {
        return OciError.BLOB_UPLOAD_UNKNOWN.failure("blob upload unknown to registry: " + id);
    }

    private static UUID uploadId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw uploadUnknown(text);
        }
    }


    private static String uploadLocation(OciRequest r, String uploadId) {
        return r.base() + "/blobs/uploads/" + uploadId;
    }

    /** The Range header of an upload: the inclusive range received so far ("0-0" when empty, as Distribution does). */
    private static String rangeHeader(long size) {
        return "0-" + Math.max(0, size - 1);
    }

    /** An inclusive [first, last] for a single-range {@code Range} header, or null when unsatisfiable. */
    static long[] byteRange(String header, long length) {
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || length == 0) {
            return null;
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            first = Math.max(0, length - suffix);
            last = length - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
        }
        return first <= last && first < length ? new long[] {first, last} : null;
    }
}
