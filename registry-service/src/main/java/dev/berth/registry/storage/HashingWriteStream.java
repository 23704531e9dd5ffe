package dev.berth.registry.storage;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/** A write stream that feeds every buffer to a hasher before passing it on, so content is hashed as it arrives. */
final class HashingWriteStream implements WriteStream<Buffer> {

    private final WriteStream<Buffer> target;
    private final MessageDigest hasher;
    private long written;

    HashingWriteStream(WriteStream<Buffer> target, MessageDigest hasher) {
        this.target = target;
        this.hasher = hasher;
    }

    long written() {
        return written;
    }

    @Override
    public Future<Void> write(Buffer data) {
        hash(data);
        return target.write(data);
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        hash(data);
        target.write(data, handler);
    }

    private void hash(Buffer data) {
        for (ByteBuffer nio : data.getByteBuf().nioBuffers()) {
            hasher.update(nio);
        }
        written += data.length();
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        target.end(handler);
    }

    @Override
    public Future<Void> end() {
        return target.end();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        target.exceptionHandler(handler);
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        target.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return target.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        target.drainHandler(handler);
        return this;
    }
}
