package dev.berth.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicAccessTest {

    @Test
    void everyTopicHasAProducerAndEveryServiceAUser() {
        Set<Topic> written = TopicAccess.all().stream().flatMap(s -> s.writes().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Topic.class)));
        assertEquals(EnumSet.allOf(Topic.class), written);
        assertEquals(Set.of("gateway", "registry", "scheduler", "autoscaler", "stacks", "logs"),
                TopicAccess.all().stream().map(TopicAccess.ServiceTopics::service).collect(Collectors.toSet()));
    }

    @Test
    void onlyTheSchedulerWritesTaskStateAndOnlyTheAutoscalerScalingActions() {
        TopicAccess.all().forEach(s -> {
            assertEquals(s.service().equals("scheduler"), s.writes().contains(Topic.TASK_STATE), s.service());
            assertEquals(s.service().equals("autoscaler"), s.writes().contains(Topic.SCALING_ACTIONS), s.service());
        });
        assertFalse(TopicAccess.of("gateway").orElseThrow().writes().contains(Topic.LOGS));
        assertTrue(Arrays.stream(Topic.values()).allMatch(t -> TopicAccess.all().stream()
                .anyMatch(s -> s.writes().contains(t))));
    }
}
