package dev.berth.common.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.Supplier;

/**
 * A body passed on while it stays within {@code cap} bytes: the chunk that would go past it is
 * dropped, the source paused and the stream fails with the caller's exception (or
 * {@link TooLargeException}), so a body stops growing the moment it would break its limit
 * instead of after it arrived whole; passed on to a backend, the request is reset and never
 * seen complete.
 */
public final class CappedReadStream implements ReadStream<Buffer> {

    /** The body went past the cap. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException(long cap) {
            super("request body larger than " + cap + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long cap;
    private final Supplier<? extends Throwable> tooLarge;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    /** Fails with {@link TooLargeException} past {@code cap} bytes. */
    public CappedReadStream(ReadStream<Buffer> source, long cap) {
        this(source, cap, () -> new TooLargeException(cap));
    }

    /**
     * @param cap      bytes this body may hold
     * @param tooLarge the failure past the cap, e.g. one naming a limit larger than the cap
     */
    public CappedReadStream(ReadStream<Buffer> source, long cap, Supplier<? extends Throwable> tooLarge) {
        this.source = source;
        this.cap = cap;
        this.tooLarge = tooLarge;
    }

    /** Whether the body went past the cap (and the stream failed for it). */
    public boolean exceeded() {
        return exceeded;
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
                    exceptionHandler.handle(tooLarge.get());
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
