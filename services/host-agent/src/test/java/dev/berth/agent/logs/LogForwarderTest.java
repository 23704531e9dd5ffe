package dev.berth.agent.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.agent.protocol.AgentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogForwarderTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<List<AgentMessage.LogEvent>> sent = new ArrayList<>();
    private int inFlight;

    private final LogForwarder.Sink sink = new LogForwarder.Sink() {
        @Override
        public void send(String group, String stream, List<AgentMessage.LogEvent> events) {
            sent.add(events);
            inFlight++;
        }

        @Override
        public int inFlight() {
            return inFlight;
        }
    };

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void linesGoOutInBatchesOfAtMostTheBatchSize() {
        LogForwarder logs = new LogForwarder(sink, new LogForwarder.Limits(100, 10, 100, 60_000), timer);
        for (int i = 0; i < 25; i++) {
            logs.append("g", "s", i, "line " + i);
        }
        logs.flush();
        assertEquals(List.of(10, 10, 5), sent.stream().map(List::size).toList());
        assertEquals("line 0", sent.get(0).get(0).message());
        assertEquals("line 24", sent.get(2).get(4).message());
        assertEquals(25, logs.forwarded());
    }

    @Test
    void whileThePlatformIsBehindTheBufferKeepsTheNewestLinesAndCountsTheDropped() {
        LogForwarder logs = new LogForwarder(sink, new LogForwarder.Limits(50, 10, 2, 60_000), timer);
        inFlight = 2; // two batches not acknowledged: nothing more goes out
        for (int i = 0; i < 80; i++) {
            logs.append("g", "s", i, "line " + i);
        }
        assertEquals(List.of(), sent);
        assertEquals(30, logs.dropped("g", "s"));
        inFlight = 0;
        logs.flush();
        assertEquals(2, sent.size(), "two batches, then the in-flight limit again");
        assertEquals("line 30", sent.get(0).get(0).message(), "the oldest lines were the ones dropped");
    }
}
