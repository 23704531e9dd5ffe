package dev.berth.registry.storage;

import dev.berth.common.http.CappedReadStream;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.digest.Digest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs as files under {@code <root>/blobs/<algorithm>/<first two hex>/<hex>}, uploads under
 * {@code <root>/uploads/<id>}. An upload's sha256 is computed while it streams in and kept in
 * memory between its chunks; when that state is missing (another replica took a chunk, or a
 * restart) the file is hashed again at commit, so a digest is always verified.
 */
@ApplicationScoped
public class FilesystemBlobStore implements BlobStore {

    /** The running hash of an upload and how many bytes it has seen. */
    private static final class UploadHash {
        final MessageDigest sha256 = Digest.Algorithm.SHA256.newHasher();
        long size;
    }

    @Inject
    Vertx vertx;

    @Inject
    RegistryConfig config;

    private final Map<String, UploadHash> hashes = new ConcurrentHashMap<>();

    private FileSystem fs() {
        return vertx.fileSystem();
    }

    Path blobPath(Digest digest) {
        return config.storageDir().resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex().substring(0, 2))
                .resolve(digest.hex());
    }

    private Path uploadPath(String uploadId) {
        return config.storageDir().resolve("uploads").resolve(uploadId);
    }

    @Override
    public Future<Optional<Long>> size(Digest digest) {
        return fs().props(blobPath(digest).toString())
                .map(props -> Optional.of(props.size()))
                .recover(failure -> isMissing(failure) ? Future.succeededFuture(Optional.empty())
                        : Future.failedFuture(failure));
    }

    @Override
    public Future<Void> send(Digest digest, long offset, long length, HttpServerResponse response) {
        return response.sendFile(blobPath(digest).toString(), offset, length);
    }

    @Override
    public Future<Void> delete(Digest digest) {
        return fs().delete(blobPath(digest).toString())
                .recover(failure -> isMissing(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    @Override
    public Future<Void> startUpload(String uploadId) {
        return fs().mkdirs(config.storageDir().resolve("uploads").toString())
                .compose(v -> fs().writeFile(uploadPath(uploadId).toString(), Buffer.buffer()))
                .onSuccess(v -> hashes.put(uploadId, new UploadHash()));
    }

    @Override
    public Future<Long> uploadSize(String uploadId) {
        return fs().props(uploadPath(uploadId).toString())
                .map(props -> props.size())
                .recover(failure -> Future.failedFuture(isMissing(failure) ? new UploadUnknownException(uploadId) : failure));
    }

    @Override
    public Future<Long> append(String uploadId, ReadStream<Buffer> body, long maxSize) {
        body.pause();
        Context context = vertx.getOrCreateContext();
        Path file = uploadPath(uploadId);
        return context.<OpenUpload>executeBlocking(() -> OpenUpload.of(file), false)
                .recover(failure -> Future.failedFuture(isMissing(failure) ? new UploadUnknownException(uploadId) : failure))
                .compose(open -> {
                    long size = open.size();
                    UploadHash running = hashes.get(uploadId);
                    boolean continues = running != null && running.size == size;
                    if (!continues) {
                        hashes.remove(uploadId); // hashed again from the file at commit
                    }
                    HashingFileSink sink = new HashingFileSink(context, open.channel(),
                            continues ? running.sha256 : Digest.Algorithm.SHA256.newHasher());
                    ReadStream<Buffer> capped = new CappedReadStream(body, Math.max(0, maxSize - size),
                            () -> new UploadTooLargeException(maxSize));
                    return capped.pipeTo(sink).map(v -> {
                        long newSize = size + sink.written();
                        if (continues) {
                            running.size = newSize;
                        }
                        return newSize;
                    });
                });
    }

    /** An upload file opened for writing at its end, and how long it already is. */
    private record OpenUpload(FileChannel channel, long size) {
        static OpenUpload of(Path file) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            long size = channel.size();
            channel.position(size);
            return new OpenUpload(channel, size);
        }
    }

    @Override
    public Future<Long> commit(String uploadId, Digest expected) {
        UploadHash running = hashes.remove(uploadId);
        String upload = uploadPath(uploadId).toString();
        return uploadSize(uploadId).compose(size -> {
            Future<Digest> actual = running != null && running.size == size
                    && expected.algorithm() == Digest.Algorithm.SHA256
                    ? Future.succeededFuture(Digest.fromHasher(Digest.Algorithm.SHA256, running.sha256))
                    : hashFile(uploadPath(uploadId), expected.algorithm());
            return actual.compose(digest -> {
                if (!digest.equals(expected)) {
                    return fs().delete(upload).transform(ignored ->
                            Future.failedFuture(new DigestMismatchException(expected, digest)));
                }
                Path target = blobPath(expected);
                return fs().mkdirs(target.getParent().toString())
                        .compose(v -> fs().exists(target.toString()))
                        .compose(exists -> exists
                                ? fs().delete(upload)
                                : fs().move(upload, target.toString(), new CopyOptions().setAtomicMove(true)))
                        .map(size);
            });
        });
    }

    @Override
    public Future<Void> cancel(String uploadId) {
        hashes.remove(uploadId);
        return fs().delete(uploadPath(uploadId).toString())
                .recover(failure -> Future.failedFuture(isMissing(failure) ? new UploadUnknownException(uploadId) : failure));
    }

    private Future<Digest> hashFile(Path file, Digest.Algorithm algorithm) {
        return vertx.executeBlocking(() -> {
            MessageDigest hasher = algorithm.newHasher();
            byte[] chunk = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    hasher.update(chunk, 0, n);
                }
            }
            return Digest.fromHasher(algorithm, hasher);
        }, false);
    }

    /** Vert.x reports a missing file as a FileSystemException caused by NoSuchFileException. */
    private static boolean isMissing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException) {
                return true;
            }
        }
        return false;
    }
}
