package dev.berth.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskOverridesTest {

    private static TaskOverrides overrides(String json) throws Exception {
        return TaskOverrides.of(AgentMessages.json().readTree(json));
    }

    @Test
    void aContainerOverrideReplacesOnlyWhatItNames() throws Exception {
        TaskOverrides o = overrides("""
                {"containerOverrides":[{"name":"app","cpu":512,"memoryReservation":64,"command":["run","--fast"],
                  "environment":[{"name":"MODE","value":"batch"},{"name":"NEW","value":"1"}]}]}
                """);
        assertEquals(512, o.cpu("app", 128));
        assertEquals(256, o.memory("app", 256), "memory kept");
        assertEquals(64, o.memoryReservation("app", null));
        assertEquals(List.of("run", "--fast"), o.command("app", List.of("serve")));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MODE", "web");
        env.put("KEEP", "x");
        assertEquals(Map.of("MODE", "batch", "KEEP", "x", "NEW", "1"), o.environment("app", env));
        assertTrue(o.resizes("app"));

        assertEquals(128, o.cpu("sidecar", 128), "another container keeps its definition");
        assertEquals(List.of("serve"), o.command("sidecar", List.of("serve")));
        assertNull(o.command("sidecar", null));
        assertFalse(o.resizes("sidecar"));
    }

    @Test
    void taskLevelOverridesReplaceTheDefinitionsRoleCpuAndMemory() throws Exception {
        TaskOverrides o = overrides("{\"taskRoleArn\":\"arn:berth:iam::acme:role/batch\",\"cpu\":\"1 vCPU\",\"memory\":\"2048\"}");
        assertEquals("arn:berth:iam::acme:role/batch", o.taskRoleArn("arn:berth:iam::acme:role/web"));
        assertEquals("1 vCPU", o.taskCpu("256"));
        assertEquals("2048", o.taskMemory("512"));

        assertEquals("arn:r", TaskOverrides.of(null).taskRoleArn("arn:r"));
        assertEquals("256", TaskOverrides.NONE.taskCpu("256"));
        assertNull(TaskOverrides.NONE.taskMemory(null));
    }

    @Test
    void aContainerReservesItsHardLimitElseItsSoftOne() {
        assertEquals(256, TaskOverrides.reservedMemory(256, 64));
        assertEquals(64, TaskOverrides.reservedMemory(null, 64));
        assertEquals(64, TaskOverrides.reservedMemory(0, 64));
        assertEquals(0, TaskOverrides.reservedMemory(null, null));
    }
}
