package dev.berth.registry.storage;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a request body to an upload file and hashes it on the way. Chunks arriving on the event
 * loop are queued and handed to a worker thread in batches, so the network, the hashing and the
 * file writes overlap, and the event loop never waits on the disk. While more than
 * {@link #maxQueuedBytes} wait, {@link #writeQueueFull()} tells the request to pause: memory stays
 * bounded whatever the size of the blob.
 */
final class HashingFileSink implements WriteStream<Buffer> {

    private record Chunk(Buffer data, Promise<Void> written) {
    }

    /** Chunks are copied into a direct buffer of this size and written when it is full. */
    private static final int STAGING_BYTES = 1 << 20;

    private final Context context;
    private final FileChannel channel;
    private final MessageDigest hasher;
    private final ByteBuf staging = PooledByteBufAllocator.DEFAULT.directBuffer(STAGING_BYTES, STAGING_BYTES);
    private final ArrayDeque<Chunk> queued = new ArrayDeque<>();
    private int maxQueuedBytes = 4 << 20;
    private long queuedBytes;
    private long written;
    private boolean writing;
    private boolean closing;
    private Throwable failure;
    private Handler<Void> drainHandler;
    private Handler<Throwable> exceptionHandler;
    private Promise<Void> ended;

    HashingFileSink(Context context, FileChannel channel, MessageDigest hasher) {
        this.context = context;
        this.channel = channel;
        this.hasher = hasher;
    }

    /** Bytes written to the file so far. */
    long written() {
        return written;
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (failure != null) {
            return Future.failedFuture(failure);
        }
        if (ended != null) {
            return Future.failedFuture(new IllegalStateException("upload file already closed"));
        }
        Promise<Void> promise = Promise.promise();
        queued.add(new Chunk(data, promise));
        queuedBytes += data.length();
        writeQueued();
        return promise.future();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        write(data).onComplete(handler);
    }

    private void writeQueued() {
        if (writing || queued.isEmpty()) {
            return;
        }
        writing = true;
        List<Chunk> batch = new ArrayList<>(queued);
        queued.clear();
        context.<Void>executeBlocking(() -> {
            writeAll(batch);
            return null;
        }, false).onComplete(result -> batchDone(batch, result));
    }

    /** Hashes the batch and writes it through the staging buffer, one system call per full buffer. */
    private void writeAll(List<Chunk> batch) throws IOException {
        for (Chunk chunk : batch) {
            for (ByteBuffer nio : chunk.data().getByteBuf().nioBuffers()) {
                hasher.update(nio.duplicate());
                while (nio.hasRemaining()) {
                    int n = Math.min(nio.remaining(), staging.writableBytes());
                    staging.writeBytes(nio.slice(nio.position(), n));
                    nio.position(nio.position() + n);
                    if (!staging.isWritable()) {
                        flushStaging();
                    }
                }
            }
        }
        flushStaging();
    }

    private void flushStaging() throws IOException {
        ByteBuffer out = staging.nioBuffer();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        staging.clear();
    }

    private void batchDone(List<Chunk> batch, AsyncResult<Void> result) {
        writing = false;
        for (Chunk chunk : batch) {
            queuedBytes -= chunk.data().length();
            if (result.succeeded()) {
                written += chunk.data().length();
            }
            chunk.written().handle(result);
        }
        if (result.failed()) {
            fail(result.cause());
            return;
        }
        writeQueued();
        if (drainHandler != null && queuedBytes <= maxQueuedBytes / 2) {
            Handler<Void> drain = drainHandler;
            drainHandler = null;
            drain.handle(null);
        }
        closeWhenIdle();
    }

    private void fail(Throwable cause) {
        failure = cause;
        queued.forEach(chunk -> chunk.written().tryFail(cause));
        queued.clear();
        queuedBytes = 0;
        if (exceptionHandler != null) {
            exceptionHandler.handle(cause);
        }
        closeWhenIdle();
    }

    @Override
    public Future<Void> end() {
        if (ended == null) {
            ended = Promise.promise();
            closeWhenIdle();
        }
        return ended.future();
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        end().onComplete(handler);
    }

    private void closeWhenIdle() {
        if (ended == null || writing || !queued.isEmpty() || closing) {
            return;
        }
        closing = true;
        Throwable cause = failure;
        context.<Void>executeBlocking(() -> {
            staging.release();
            channel.close();
            return null;
        }, false).onComplete(closed -> {
            if (cause != null) {
                ended.tryFail(cause);
            } else {
                ended.handle(closed);
            }
        });
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        maxQueuedBytes = maxSize;
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return queuedBytes >= maxQueuedBytes;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        drainHandler = handler;
        return this;
    }
}
