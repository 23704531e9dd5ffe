package dev.berth.autoscaler.ecsmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's report of one service task and one standalone task, as MetricsReporter writes it. */
class AgentTaskSamplesTest {

    private static final Instant AT = Instant.parse("2026-12-03T12:00:10Z");
    private static final Map<String, String> WEB = Map.of("ClusterName", "prod", "ServiceName", "web", "TaskId", "t1");
    private static final Map<String, String> WEB_FAMILY = Map.of("ClusterName", "prod", "ServiceName", "web",
            "TaskId", "t1", "TaskDefinitionFamily", "web");
    private static final Map<String, String> BATCH = Map.of("ClusterName", "prod", "TaskId", "t2");
    private static final Map<String, String> BATCH_FAMILY = Map.of("ClusterName", "prod", "TaskId", "t2",
            "TaskDefinitionFamily", "batch");

    private static List<AgentPoint> report() {
        return List.of(
                point("CPUUtilization", WEB, 75),
                point("MemoryUtilized", WEB, 240),
                point("MemoryUtilized", Map.of("ClusterName", "prod", "ServiceName", "web", "TaskId", "t1",
                        "ContainerName", "app"), 200),
                point("CpuUtilized", WEB_FAMILY, 192),
                point("CpuReserved", WEB_FAMILY, 256),
                point("MemoryReserved", WEB_FAMILY, 384),
                point("MemoryUtilized", BATCH, 50),
                point("CpuUtilized", BATCH_FAMILY, 64),
                point("CpuReserved", BATCH_FAMILY, 1024),
                point("MemoryReserved", BATCH_FAMILY, 0),
                point("MemoryUtilized", Map.of("ClusterName", "prod", "ContainerInstanceId", "h-1"), 290));
    }

    static Stream<Arguments> cases() {
        TaskSample web = new TaskSample("prod", "web", "t1", "web", AT, 192, 256, 240, 384);
        TaskSample batch = new TaskSample("prod", null, "t2", "batch", AT, 64, 1024, 50, 0);
        List<AgentPoint> withoutCpu = new ArrayList<>(report());
        withoutCpu.removeIf(p -> p.name().equals("CpuUtilized") && p.dimensions().equals(WEB_FAMILY));
        List<AgentPoint> otherNamespace = report().stream()
                .map(p -> new AgentPoint("Custom/App", p.name(), p.dimensions(), p.value(), p.timestamp())).toList();
        List<AgentPoint> twoReports = new ArrayList<>(report().stream()
                .map(p -> new AgentPoint(p.namespace(), p.name(), p.dimensions(), p.value() + 1, AT.plusSeconds(10)))
                .toList());
        twoReports.addAll(report());
        return Stream.of(
                Arguments.of("a report gives one sample per task, the service's and the standalone one", report(),
                        List.of(web, batch)),
                Arguments.of("a task without its cpu (its first report) gives none", withoutCpu, List.of(batch)),
                Arguments.of("points of other namespaces are not the agent's", otherNamespace, List.of()),
                Arguments.of("two reports give two samples a task, oldest first", twoReports,
                        List.of(web, batch, new TaskSample("prod", "web", "t1", "web", AT.plusSeconds(10), 193, 257,
                                241, 385), new TaskSample("prod", null, "t2", "batch", AT.plusSeconds(10), 65, 1025, 51,
                                1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theAgentsTaskPointsMakeSamples(String name, List<AgentPoint> points, List<TaskSample> expected) {
        assertEquals(expected, AgentTaskSamples.of(points));
    }

    private static AgentPoint point(String name, Map<String, String> dimensions, double value) {
        return new AgentPoint(AgentTaskSamples.AGENT_NAMESPACE, name, dimensions, value, AT);
    }
}
