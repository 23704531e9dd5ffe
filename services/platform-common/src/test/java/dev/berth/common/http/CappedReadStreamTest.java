package dev.berth.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body is passed on while within its cap; past it the stream fails and never ends. */
class CappedReadStreamTest {

    @Test
    void passesOnABodyWithinTheCap() {
        Source source = new Source();
        CappedReadStream capped = new CappedReadStream(source, 6);
        Received received = Received.from(capped);

        source.send("abc").send("def").end();

        assertEquals(List.of("abc", "def"), received.chunks);
        assertTrue(received.ended);
        assertNull(received.failure);
        assertFalse(capped.exceeded());
    }

    @Test
    void failsWithoutThePartPastTheCap() {
        Source source = new Source();
        CappedReadStream capped = new CappedReadStream(source, 5);
        Received received = Received.from(capped);

        source.send("abc").send("def").send("g").end();

        assertEquals(List.of("abc"), received.chunks);
        assertFalse(received.ended);
        assertInstanceOf(CappedReadStream.TooLargeException.class, received.failure);
        assertEquals("request body larger than 5 bytes", received.failure.getMessage());
        assertTrue(capped.exceeded());
        assertTrue(source.paused);
        capped.resume();
        assertTrue(source.paused);
    }

    @Test
    void failsWithTheCallersException() {
        Source source = new Source();
        IllegalStateException tooLarge = new IllegalStateException("upload would exceed 10 bytes");
        Received received = Received.from(new CappedReadStream(source, 2, () -> tooLarge));

        source.send("abc");

        assertEquals(List.of(), received.chunks);
        assertEquals(tooLarge, received.failure);
    }

    private static final class Received {
        final List<String> chunks = new ArrayList<>();
        boolean ended;
        Throwable failure;

        static Received from(ReadStream<Buffer> stream) {
            Received received = new Received();
            stream.exceptionHandler(e -> received.failure = e);
            stream.endHandler(v -> received.ended = true);
            stream.handler(chunk -> received.chunks.add(chunk.toString()));
            return received;
        }
    }

    private static final class Source implements ReadStream<Buffer> {
        Handler<Buffer> handler;
        Handler<Void> endHandler;
        boolean paused;

        Source send(String chunk) {
            handler.handle(Buffer.buffer(chunk));
            return this;
        }

        void end() {
            endHandler.handle(null);
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            this.handler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            paused = true;
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            paused = false;
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            this.endHandler = endHandler;
            return this;
        }
    }
}
