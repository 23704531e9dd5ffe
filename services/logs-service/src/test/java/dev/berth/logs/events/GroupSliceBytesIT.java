package dev.berth.logs.events;

import static dev.berth.logs.LogsTestClient.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.logs.LogsTestClient;
import dev.berth.logs.groups.LogGroupStore;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A FilterLogEvents slice holds a bounded amount of messages, and the next slice goes on without a gap. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class GroupSliceBytesIT {

    private static final int MESSAGE = 200_000;
    private static final long MAX_BYTES = 1_048_576;

    @Inject
    EventStore events;

    @Inject
    LogGroupStore groups;

    @Test
    void candidatesStopAtTheByteBoundAndTheNextSliceStartsAfterTheLastOne() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        long now = System.currentTimeMillis();
        for (int batch = 0; batch < 2; batch++) {
            List<Map<String, Object>> put = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                put.add(event(now + batch * 4 + i, (batch * 4 + i) + "q".repeat(MESSAGE)));
            }
            LogsTestClient.put(group, "s", put);
        }
        LogsTestClient.awaitMessages(group, "s", found -> found.size() == 8);
        long groupId = groups.require("acme", group).await().indefinitely().id();

        // the sixth message starts before 1 MiB of candidates, the seventh after
        EventStore.Slice first = events.groupSlice(groupId, List.of(), 0, Long.MAX_VALUE, Position.START,
                List.of("q"), 5_000, MAX_BYTES).await().indefinitely();
        assertEquals(6, first.candidates().size());
        assertEquals(first.candidates().get(5).position(), first.last());
        assertEquals(5_000, first.scanned(), "read on, as after a full slice");

        EventStore.Slice second = events.groupSlice(groupId, List.of(), 0, Long.MAX_VALUE, first.last(),
                List.of("q"), 5_000, MAX_BYTES).await().indefinitely();
        assertEquals(List.of('6', '7'), second.candidates().stream().map(e -> e.message().charAt(0)).toList());
        assertEquals(2, second.scanned());
    }
}
