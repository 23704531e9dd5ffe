package dev.berth.scheduler.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How agents' reports move a task: forward only, once, with ECS's stop details. */
class TaskProgressTest {

    private static Task task(TaskStatus last, TaskStatus desired, String containers) {
        return new Task("acme", "t1", "prod", "h1", "arn:td", "web", "family:web", null, null, null, desired, last,
                "UNKNOWN", null, null, 128, 128, List.of(), json(containers), null, 1, Instant.now(), null, null, null,
                Instant.now());
    }

    private static JsonNode json(String text) {
        try {
            return AgentMessages.json().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static AgentMessage.TaskStateReport report(String status, List<AgentMessage.ContainerState> containers,
                                                       String stopCode) {
        return new AgentMessage.TaskStateReport(1, "arn:task/t1", status, containers, stopCode, "reason", Instant.now());
    }

    private static final String ONE = "[{\"name\":\"web\",\"lastStatus\":\"PENDING\",\"healthStatus\":\"UNKNOWN\"}]";

    @ParameterizedTest(name = "{0} reported on {1}: moves={2}")
    @CsvSource(delimiter = '|', value = {
            "PENDING      | ACTIVATING | false",
            "RUNNING      | RUNNING    | false",
            "RUNNING      | PENDING    | true",
            "STOPPED      | RUNNING    | true",
            "ACTIVATING   | STOPPED    | false",
            "DEACTIVATING | RUNNING    | true"})
    void statusesOnlyMoveForward(TaskStatus reported, TaskStatus current, boolean moves) {
        var change = TaskProgress.apply(task(current, TaskStatus.RUNNING, ONE), report(reported.name(), List.of(), null));
        assertEquals(moves, change.isPresent());
        change.ifPresent(c -> assertEquals(reported, c.lastStatus()));
    }

    @Test
    void aTaskThatStopsByItselfIsNoLongerWantedAndFreesItsRoom() {
        var change = TaskProgress.apply(task(TaskStatus.RUNNING, TaskStatus.RUNNING, ONE), report("STOPPED",
                List.of(new AgentMessage.ContainerState("web", "STOPPED", 137, "OOM", null, List.of())), null)).orElseThrow();
        assertEquals(TaskStatus.STOPPED, change.desiredStatus());
        assertTrue(change.stoppedNow());
        assertEquals("EssentialContainerExited", change.stopCode());
        assertEquals(137, change.containers().get(0).get("exitCode").asInt());
        assertEquals("OOM", change.containers().get(0).get("reason").asText());
    }

    @Test
    void aUsersStopReasonIsKeptOverTheAgents() {
        Task stopping = new Task("acme", "t1", "prod", "h1", "arn:td", "web", "g", null, null, null, TaskStatus.STOPPED,
                TaskStatus.RUNNING, "UNKNOWN", "UserInitiated", "done", 128, 128, List.of(), json(ONE), null, 1,
                Instant.now(), null, null, null, Instant.now());
        var change = TaskProgress.apply(stopping, report("STOPPED", List.of(), "EssentialContainerExited")).orElseThrow();
        assertEquals("UserInitiated", change.stopCode());
        assertEquals("done", change.stoppedReason());
    }

    @Test
    void healthChangesCountEvenWithoutANewStatus() {
        String checked = "[{\"name\":\"web\",\"healthStatus\":\"UNKNOWN\",\"hasHealthCheck\":true},"
                + "{\"name\":\"sidecar\",\"healthStatus\":\"UNKNOWN\"}]";
        Task running = task(TaskStatus.RUNNING, TaskStatus.RUNNING, checked);
        var healthy = TaskProgress.apply(running, report("RUNNING",
                List.of(new AgentMessage.ContainerState("web", "RUNNING", null, null, "HEALTHY", List.of())), null));
        assertEquals("HEALTHY", healthy.orElseThrow().healthStatus());
        assertFalse(healthy.get().stoppedNow());
        var unhealthy = TaskProgress.apply(running, report("RUNNING",
                List.of(new AgentMessage.ContainerState("web", "RUNNING", null, null, "UNHEALTHY", List.of())), null));
        assertEquals("UNHEALTHY", unhealthy.orElseThrow().healthStatus());
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskProgress.apply(task(TaskStatus.RUNNING,
                TaskStatus.RUNNING, ONE), report("EXPLODED", List.of(), null)));
    }
}
