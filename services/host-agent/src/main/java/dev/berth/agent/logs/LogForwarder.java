package dev.berth.agent.logs;

import dev.berth.agent.protocol.AgentMessage;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Container output on its way to the platform: each log stream keeps a bounded buffer the
 * container's reader only ever appends to (never waits on), and a flusher sends what gathered as
 * one batch per stream when a batch is full or {@code flushEvery} passed. While the platform is
 * behind (too many batches not acknowledged) nothing is sent; a buffer that is full drops its
 * oldest lines and counts them.
 */
public final class LogForwarder {

    /** Where batches go: the agent channel. */
    public interface Sink {
        void send(String group, String stream, List<AgentMessage.LogEvent> events);

        /** Batches sent and not acknowledged yet. */
        int inFlight();
    }

    public record Limits(int bufferedLines, int batchLines, int maxInFlight, long flushEveryMillis) {
        /** 10,000 lines per stream, batches of ≤ 1,000 lines, ≤ 64 batches in flight, every 200 ms. */
        public static final Limits DEFAULT = new Limits(10_000, 1_000, 64, 200);
    }

    private final Sink sink;
    private final Limits limits;
    private final Map<String, StreamBuffer> streams = new ConcurrentHashMap<>();
    private final AtomicLong forwarded = new AtomicLong();

    public LogForwarder(Sink sink, Limits limits, ScheduledExecutorService timer) {
        this.sink = sink;
        this.limits = limits;
        timer.scheduleWithFixedDelay(this::flush, limits.flushEveryMillis(), limits.flushEveryMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Appends a line of output; never blocks. */
    public void append(String group, String stream, long timestamp, String message) {
        StreamBuffer buffer = streams.computeIfAbsent(group + "\n" + stream, k -> new StreamBuffer(group, stream));
        buffer.add(new AgentMessage.LogEvent(timestamp, message), limits.bufferedLines());
        if (buffer.size() >= limits.batchLines()) {
            flush();
        }
    }

    /** Lines dropped so far for {@code group}/{@code stream} because the platform was behind. */
    public long dropped(String group, String stream) {
        StreamBuffer buffer = streams.get(group + "\n" + stream);
        return buffer == null ? 0 : buffer.dropped.get();
    }

    public long droppedTotal() {
        return streams.values().stream().mapToLong(b -> b.dropped.get()).sum();
    }

    public long forwarded() {
        return forwarded.get();
    }

    /** Forgets a stream once its container is gone and its lines are sent. */
    public void close(String group, String stream) {
        StreamBuffer buffer = streams.get(group + "\n" + stream);
        if (buffer != null) {
            buffer.closing = true;
        }
    }

    /** Sends what is buffered, within the in-flight limit. */
    public synchronized void flush() {
        for (StreamBuffer buffer : streams.values()) {
            while (buffer.size() > 0) {
                if (sink.inFlight() >= limits.maxInFlight()) {
                    return;
                }
                List<AgentMessage.LogEvent> batch = buffer.take(limits.batchLines());
                sink.send(buffer.group, buffer.stream, batch);
                forwarded.addAndGet(batch.size());
            }
            if (buffer.closing) {
                streams.remove(buffer.group + "\n" + buffer.stream, buffer);
            }
        }
    }

    private static final class StreamBuffer {
        final String group;
        final String stream;
        final ArrayDeque<AgentMessage.LogEvent> lines = new ArrayDeque<>();
        final AtomicLong dropped = new AtomicLong();
        volatile boolean closing;

        StreamBuffer(String group, String stream) {
            this.group = group;
            this.stream = stream;
        }

        synchronized void add(AgentMessage.LogEvent event, int capacity) {
            if (lines.size() >= capacity) {
                lines.pollFirst();
                dropped.incrementAndGet();
            }
            lines.addLast(event);
        }

        synchronized int size() {
            return lines.size();
        }

        synchronized List<AgentMessage.LogEvent> take(int max) {
            List<AgentMessage.LogEvent> batch = new ArrayList<>(Math.min(max, lines.size()));
            while (batch.size() < max && !lines.isEmpty()) {
                batch.add(lines.pollFirst());
            }
            return batch;
        }
    }
}
