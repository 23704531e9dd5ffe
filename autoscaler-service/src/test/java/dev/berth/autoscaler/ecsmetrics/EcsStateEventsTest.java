package dev.berth.autoscaler.ecsmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EcsStateEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode task(String lastStatus, String group, String startedAt, String stoppingAt) throws Exception {
        return JSON.readTree("""
                {"type":"ECS Task State Change","version":1,"id":"e1","tenant":"acme","time":"2026-03-01T12:00:30Z",
                 "detail":{"taskArn":"arn:berth:ecs::acme:task/prod/t-1","clusterArn":"arn:berth:ecs::acme:cluster/prod",
                 "taskDefinitionArn":"arn:berth:ecs::acme:task-definition/web-api:12","lastStatus":"%s",
                 "desiredStatus":"RUNNING","group":%s,"version":7,"startedAt":%s,"stoppingAt":%s,
                 "updatedAt":"2026-03-01T12:00:29Z"}}
                """.formatted(lastStatus, group == null ? "null" : "\"" + group + "\"",
                startedAt == null ? "null" : "\"" + startedAt + "\"", stoppingAt == null ? "null" : "\"" + stoppingAt + "\""));
    }

    @Test
    void aRunningServiceTaskGivesItsClusterServiceFamilyAndSince() throws Exception {
        TaskStateUpdate t = EcsStateEvents.task(task("RUNNING", "service:web", "2026-03-01T12:00:10Z", null)).orElseThrow();
        assertEquals("acme", t.tenant());
        assertEquals("prod", t.clusterName());
        assertEquals("t-1", t.taskId());
        assertEquals("web", t.serviceName());
        assertEquals("web-api", t.family());
        assertEquals(7, t.version());
        assertEquals(Instant.parse("2026-03-01T12:00:10Z"), t.runningSince());
        assertNull(t.runningUntil());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // lastStatus, startedAt, stoppingAt, runningSince, runningUntil
            "PENDING, null, null, null, null",
            "RUNNING, null, null, 2026-03-01T12:00:30Z, null",
            "STOPPING, 2026-03-01T12:00:10Z, 2026-03-01T12:00:20Z, 2026-03-01T12:00:10Z, 2026-03-01T12:00:20Z",
            "STOPPED, 2026-03-01T12:00:10Z, null, 2026-03-01T12:00:10Z, 2026-03-01T12:00:29Z",
            "STOPPED, null, null, null, 2026-03-01T12:00:29Z"})
    void whenATaskWasRunning(String lastStatus, String startedAt, String stoppingAt, String since, String until)
            throws Exception {
        TaskStateUpdate t = EcsStateEvents.task(task(lastStatus, null, startedAt, stoppingAt)).orElseThrow();
        assertNull(t.serviceName(), "a standalone task has no service");
        assertEquals(since == null ? null : Instant.parse(since), t.runningSince());
        assertEquals(until == null ? null : Instant.parse(until), t.runningUntil());
    }

    @Test
    void aHostChangeGivesRegisteredAndReservedCapacity() throws Exception {
        JsonNode envelope = JSON.readTree("""
                {"type":"ECS Container Instance State Change","tenant":"acme","time":"2026-03-01T12:00:00Z",
                 "detail":{"change":"DRAINING","containerInstance":{
                  "containerInstanceArn":"arn:berth:ecs::acme:container-instance/prod/h-9","status":"DRAINING",
                  "registeredResources":[{"name":"CPU","integerValue":4096},{"name":"MEMORY","integerValue":8192},
                                         {"name":"PORTS","stringSetValue":["22"]}],
                  "remainingResources":[{"name":"CPU","integerValue":1024},{"name":"MEMORY","integerValue":8000}]}}}
                """);
        HostStateUpdate h = EcsStateEvents.host(envelope).orElseThrow();
        assertEquals("prod", h.clusterName());
        assertEquals(new HostCapacity("h-9", HostStatus.DRAINING, 4096, 8192, 3072, 192), h.host());
    }

    @Test
    void otherRecordsGiveNothing() throws Exception {
        assertTrue(EcsStateEvents.task(JSON.readTree("{\"type\":\"Heartbeat\",\"tenant\":\"acme\"}")).isEmpty());
        assertTrue(EcsStateEvents.host(task("RUNNING", null, null, null)).isEmpty());
        assertTrue(EcsStateEvents.task(JSON.readTree("{\"type\":\"ECS Task State Change\",\"tenant\":\"acme\","
                + "\"detail\":{}}")).isEmpty());
    }
}
