package dev.berth.autoscaler.ecsmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.autoscaler.ecsmetrics.EcsWindowInput.ClusterWindow;
import dev.berth.autoscaler.ecsmetrics.EcsWindowInput.Task;
import dev.berth.autoscaler.ecsmetrics.EcsWindowInput.TenantCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcsWindowInputTest {

    private static final TenantCluster PROD = new TenantCluster("acme", "prod");
    private static final Instant START = Instant.parse("2026-03-01T12:01:00Z");
    private static final Instant END = START.plusSeconds(60);

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // running since, running until (seconds from the window's start), counts
            "-30, null, true",
            "59, null, true",
            "60, null, false",
            "null, null, false",
            "-30, 1, true",
            "-30, 0, false",
            "-90, -10, false"})
    void aTaskCountsWhenItWasRunningSomeTimeInTheWindow(Integer since, Integer until, boolean counts) {
        Task task = new Task(PROD, "t", "web", "td:1", "RUNNING", since == null ? null : START.plusSeconds(since),
                until == null ? null : START.plusSeconds(until));
        assertEquals(counts, EcsWindowInput.wasRunningIn(task, START, END));
    }

    @Test
    void serviceCountsComeFromItsTasksAndEachClusterGetsItsOwnState() {
        List<Task> tasks = List.of(
                new Task(PROD, "a", "web", "web:1", "RUNNING", START.minusSeconds(60), null),
                new Task(PROD, "b", "web", "web:2", "RUNNING", START.minusSeconds(60), null),
                new Task(PROD, "c", "web", "web:2", "PENDING", null, null),
                new Task(PROD, "d", "web", "web:1", "STOPPED", START.minusSeconds(60), START.plusSeconds(5)),
                new Task(PROD, "e", null, "batch:1", "RUNNING", START.minusSeconds(5), null),
                new Task(PROD, "f", "old", "old:1", "STOPPED", START.minusSeconds(600), START.minusSeconds(300)));
        TenantCluster other = new TenantCluster("globex", "prod");
        HostCapacity host = new HostCapacity("h", HostStatus.ACTIVE, 2048, 4096, 1024, 1024);
        TaskSample sample = new TaskSample("prod", "web", "a", "web", START.plusSeconds(1), 1, 1, 1, 1);
        List<ClusterWindow> windows = EcsWindowInput.of(START, END, tasks, Map.of(other, List.of(host)),
                Map.of(PROD, List.of(sample)));

        assertEquals(2, windows.size());
        ClusterWindow prod = windows.get(0);
        assertEquals(PROD, prod.cluster());
        assertEquals(Set.of("a", "b", "d", "e"), prod.state().runningTaskIds(), "d stopped within the window");
        assertEquals(List.of(new ServiceState("web", 3, 2, 1, 2)), prod.state().services());
        assertEquals(List.of(sample), prod.samples());
        assertEquals(List.of(), prod.state().hosts());
        ClusterWindow globex = windows.get(1);
        assertEquals(other, globex.cluster());
        assertEquals(List.of(host), globex.state().hosts());
        assertEquals(Set.of(), globex.state().runningTaskIds());
    }
}
