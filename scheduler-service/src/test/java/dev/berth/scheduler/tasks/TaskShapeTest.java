package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.protocol.AgentMessages;
import dev.berth.scheduler.placement.TaskDemand;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a task needs from a host, from its task definition and run-task's overrides. */
class TaskShapeTest {

    private static TaskDefinitionSpec spec(String json) throws Exception {
        return AgentMessages.json().readValue(json, TaskDefinitionSpec.class);
    }

    private static JsonNode json(String text) throws Exception {
        return AgentMessages.json().readTree(text);
    }

    private static final String TWO_CONTAINERS = """
            {"family": "web", "networkMode": "%s", "containerDefinitions": [
              {"name": "web", "image": "nginx", "cpu": 256, "memory": 512,
               "portMappings": [{"containerPort": 80}, {"containerPort": 53, "hostPort": 5353, "protocol": "udp"}]},
              {"name": "log", "image": "fluent", "cpu": 128, "memoryReservation": 64}]}
            """;

    @Test
    void bridgeModeMakesMissingHostPortsDynamic() throws Exception {
        TaskShape shape = TaskShape.of(spec(TWO_CONTAINERS.formatted("bridge")), 384, 576, null, "family:web");
        assertEquals(List.of(new TaskDemand.PortDemand(0, "tcp"), new TaskDemand.PortDemand(5353, "udp")),
                shape.demand().ports());
        assertEquals(384, shape.demand().cpu());
        assertEquals(576, shape.demand().memory());
        var bindings = shape.bindings(List.of(49153, 5353));
        assertEquals(49153, bindings.get(0).hostPort());
        assertEquals(80, bindings.get(0).containerPort());
        JsonNode containers = shape.containersWith(bindings);
        assertEquals(2, containers.get(0).get("networkBindings").size());
        assertEquals(0, containers.get(1).get("networkBindings").size());
    }

    @Test
    void hostModeUsesTheContainerPortAndAwsvpcTakesNone() throws Exception {
        assertEquals(List.of(new TaskDemand.PortDemand(80, "tcp"), new TaskDemand.PortDemand(5353, "udp")),
                TaskShape.of(spec(TWO_CONTAINERS.formatted("host")), 384, 576, null, "g").demand().ports());
        assertTrue(TaskShape.of(spec(TWO_CONTAINERS.formatted("awsvpc")), 384, 576, null, "g").demand().ports().isEmpty());
    }

    @Test
    void overridesChangeTheSize() throws Exception {
        TaskDefinitionSpec spec = spec(TWO_CONTAINERS.formatted("bridge"));
        TaskShape container = TaskShape.of(spec, 384, 576, json("""
                {"containerOverrides": [{"name": "web", "memory": 1024, "cpu": 512}]}"""), "g");
        assertEquals(640, container.demand().cpu());
        assertEquals(1088, container.demand().memory());
        TaskShape task = TaskShape.of(spec, 384, 576, json("{\"cpu\": \"1 vCPU\", \"memory\": \"2 GB\"}"), "g");
        assertEquals(1024, task.demand().cpu());
        assertEquals(2048, task.demand().memory());
    }

    @Test
    void overridesOfUnknownContainersAreRefusedByField() throws Exception {
        var error = assertThrows(InvalidInputException.class, () -> TaskShape.of(
                spec(TWO_CONTAINERS.formatted("bridge")), 384, 576,
                json("{\"containerOverrides\": [{\"name\": \"nope\"}]}"), "g"));
        assertTrue(error.getMessage().startsWith("overrides.containerOverrides[0].name"), error.getMessage());
    }

    @Test
    void aContainerWithoutAHardLimitReservesItsSoftOneAsTheAgentCountsIt() throws Exception {
        TaskDefinitionSpec spec = spec(TWO_CONTAINERS.formatted("bridge"));
        TaskShape shape = TaskShape.of(spec, 384, 576, json("""
                {"containerOverrides": [{"name": "web", "memory": 0, "memoryReservation": 128}]}"""), "g");
        assertEquals(128 + 64, shape.demand().memory());
    }
}
