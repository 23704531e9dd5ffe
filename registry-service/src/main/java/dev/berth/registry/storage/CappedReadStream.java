package dev.berth.registry.storage;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A body passed on while it stays within {@code cap} bytes: the chunk that would go past it is
 * dropped, the source paused and the stream fails with {@link UploadTooLargeException}, so an
 * upload stops growing the moment it would break its limit instead of after it arrived whole.
 */
final class CappedReadStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long cap;
    private final long limitOfUpload;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    /**
     * @param cap           bytes this body may add
     * @param limitOfUpload the upload's total limit, for the failure's message
     */
    CappedReadStream(ReadStream<Buffer> source, long cap, long limitOfUpload) {
        this.source = source;
        this.cap = cap;
        this.limitOfUpload = limitOfUpload;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > cap) {
                exceeded = true;
                source.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new UploadTooLargeException(limitOfUpload));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(v -> {
            if (!exceeded && endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
