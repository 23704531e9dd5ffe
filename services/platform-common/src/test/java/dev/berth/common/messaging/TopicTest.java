package dev.berth.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesFollowTheBerthPrefixAndAreUnique() {
        assertTrue(Arrays.stream(Topic.values()).allMatch(t -> t.topicName().startsWith("berth.")));
        assertEquals(Topic.values().length, Arrays.stream(Topic.values()).map(Topic::topicName).distinct().count());
    }

    @Test
    void findsATopicByName() {
        assertEquals(Optional.of(Topic.TASK_STATE), Topic.byName("berth.task-state"));
        assertEquals(Optional.empty(), Topic.byName("berth.nope"));
    }
}
