package dev.berth.autoscaler.ecsmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.autoscaler.metrics.StandardUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The datapoints of one window, computed by hand. A datapoint is named
 * "Namespace MetricName Dim=Value,Dim=Value" in the rows.
 */
class EcsMetricsAggregatorTest {

    private static final Instant MINUTE = Instant.parse("2026-12-03T12:00:00Z");
    private static final double TOLERANCE = 1e-9;

    /**
     * Cluster prod: h1 ACTIVE (2048 cpu, 4096 MiB; 1536 / 1536 reserved), h2 DRAINING (1024, 2048;
     * 512 / 512 reserved), h3 INACTIVE (4096, 8192; nothing reserved). Counted: 3072 cpu, 6144 MiB
     * registered; 2048 cpu, 2048 MiB reserved.
     */
    private static final List<HostCapacity> HOSTS = List.of(
            new HostCapacity("h1", HostStatus.ACTIVE, 2048, 4096, 1536, 1536),
            new HostCapacity("h2", HostStatus.DRAINING, 1024, 2048, 512, 512),
            new HostCapacity("h3", HostStatus.INACTIVE, 4096, 8192, 0, 0));
    private static final List<ServiceState> SERVICES = List.of(
            new ServiceState("web", 3, 2, 1, 2),
            new ServiceState("worker", 1, 1, 0, 1));

    /**
     * web: t1 (256 of 512 cpu, 200 of 512 MiB), t2 (512 of 512, 312 of 512); worker: t3 with no cpu
     * reserved (the agent counts 1024) using 128, 100 of 512 MiB; standalone t4 of family batch
     * with no reservation at all (1024 cpu counted, 0 MiB) using 64 cpu and 50 MiB.
     */
    private static List<TaskSample> twoServicesAndAStandaloneTask() {
        return List.of(
                sample("web", "t1", "web", 10, 256, 512, 200, 512),
                sample("web", "t2", "web", 10, 512, 512, 312, 512),
                sample("worker", "t3", "worker", 10, 128, 1024, 100, 512),
                sample(null, "t4", "batch", 10, 64, 1024, 50, 0));
    }

    record Case(String name, Duration window, Instant start, ClusterState cluster, List<TaskSample> samples,
                Map<String, Double> expected, List<String> absent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        ClusterState all = new ClusterState("prod", HOSTS, SERVICES, Set.of("t1", "t2", "t3", "t4"));
        return Stream.of(
                new Case("two services on one cluster: each service's used over its own reserved",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE, all, twoServicesAndAStandaloneTask(),
                        expect("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=web", 75.0, // 768 / 1024
                                "AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=web", 50.0, // 512 / 1024
                                "AWS/ECS CPUUtilization ClusterName=prod,ServiceName=worker", 12.5, // 128 / 1024
                                "AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=worker", 19.53125, // 100 / 512
                                "ECS/ContainerInsights CpuUtilized ClusterName=prod,ServiceName=web", 768.0,
                                "ECS/ContainerInsights CpuReserved ClusterName=prod,ServiceName=web", 1024.0,
                                "ECS/ContainerInsights MemoryUtilized ClusterName=prod,ServiceName=web", 512.0,
                                "ECS/ContainerInsights MemoryReserved ClusterName=prod,ServiceName=web", 1024.0,
                                "ECS/ContainerInsights RunningTaskCount ClusterName=prod,ServiceName=web", 2.0,
                                "ECS/ContainerInsights PendingTaskCount ClusterName=prod,ServiceName=web", 1.0,
                                "ECS/ContainerInsights DesiredTaskCount ClusterName=prod,ServiceName=web", 3.0,
                                "ECS/ContainerInsights DeploymentCount ClusterName=prod,ServiceName=web", 2.0,
                                "ECS/ContainerInsights DesiredTaskCount ClusterName=prod,ServiceName=worker", 1.0,
                                "ECS/ContainerInsights ServiceCount ClusterName=prod", 2.0,
                                "ECS/ContainerInsights TaskCount ClusterName=prod", 4.0),
                        List.of()),
                new Case("the cluster: used and reserved over what ACTIVE and DRAINING hosts registered, not INACTIVE ones",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE, all, twoServicesAndAStandaloneTask(),
                        expect("AWS/ECS CPUUtilization ClusterName=prod", 31.25, // 960 / 3072
                                "AWS/ECS MemoryUtilization ClusterName=prod", 10.774739583333334, // 662 / 6144
                                "AWS/ECS CPUReservation ClusterName=prod", 66.66666666666667, // 2048 / 3072
                                "AWS/ECS MemoryReservation ClusterName=prod", 33.333333333333336, // 2048 / 6144
                                "ECS/ContainerInsights ContainerInstanceCount ClusterName=prod", 2.0),
                        List.of()),
                new Case("a task without reservations: one core of cpu, no memory, in the sums; no service of its own",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE, all, twoServicesAndAStandaloneTask(),
                        expect("ECS/ContainerInsights CpuUtilized ClusterName=prod", 960.0,
                                "ECS/ContainerInsights CpuReserved ClusterName=prod", 3072.0, // 512 + 512 + 1024 + 1024
                                "ECS/ContainerInsights MemoryUtilized ClusterName=prod", 662.0,
                                "ECS/ContainerInsights MemoryReserved ClusterName=prod", 1536.0, // 512 + 512 + 512 + 0
                                "ECS/ContainerInsights CpuUtilized ClusterName=prod,TaskDefinitionFamily=batch", 64.0,
                                "ECS/ContainerInsights CpuReserved ClusterName=prod,TaskDefinitionFamily=batch", 1024.0,
                                "ECS/ContainerInsights MemoryUtilized ClusterName=prod,TaskDefinitionFamily=batch", 50.0,
                                "ECS/ContainerInsights MemoryReserved ClusterName=prod,TaskDefinitionFamily=batch", 0.0,
                                "ECS/ContainerInsights CpuUtilized ClusterName=prod,TaskDefinitionFamily=web", 768.0),
                        List.of()),
                new Case("a service whose tasks reserve no memory has cpu utilization and no memory utilization",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE,
                        new ClusterState("prod", HOSTS, List.of(new ServiceState("cron", 1, 1, 0, 1)), Set.of("t5")),
                        List.of(sample("cron", "t5", "cron", 0, 256, 1024, 64, 0)),
                        expect("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=cron", 25.0),
                        List.of("AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=cron")),
                new Case("a task reserving no memory is left out of its service's memory utilization, not of the sums",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE,
                        new ClusterState("prod", HOSTS, List.of(new ServiceState("mixed", 2, 2, 0, 1)),
                                Set.of("t6", "t7")),
                        List.of(sample("mixed", "t6", "mixed", 0, 256, 512, 100, 200),
                                sample("mixed", "t7", "mixed", 0, 256, 1024, 300, 0)),
                        expect("AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=mixed", 50.0, // 100 / 200
                                "AWS/ECS CPUUtilization ClusterName=prod,ServiceName=mixed", 33.333333333333336, // 512 / 1536
                                "AWS/ECS MemoryUtilization ClusterName=prod", 6.510416666666667, // 400 / 6144
                                "ECS/ContainerInsights MemoryUtilized ClusterName=prod,ServiceName=mixed", 400.0,
                                "ECS/ContainerInsights MemoryReserved ClusterName=prod,ServiceName=mixed", 200.0),
                        List.of()),
                new Case("no RUNNING task in the cluster: no AWS/ECS datapoint at all, the counts still",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE,
                        new ClusterState("prod", HOSTS, SERVICES, Set.of()), twoServicesAndAStandaloneTask(),
                        expect("ECS/ContainerInsights TaskCount ClusterName=prod", 0.0,
                                "ECS/ContainerInsights RunningTaskCount ClusterName=prod,ServiceName=web", 2.0,
                                "ECS/ContainerInsights ContainerInstanceCount ClusterName=prod", 2.0),
                        List.of("AWS/ECS CPUUtilization ClusterName=prod",
                                "AWS/ECS CPUReservation ClusterName=prod",
                                "AWS/ECS MemoryReservation ClusterName=prod",
                                "AWS/ECS CPUUtilization ClusterName=prod,ServiceName=web",
                                "ECS/ContainerInsights CpuUtilized ClusterName=prod")),
                new Case("a service with no RUNNING task has no datapoint while the other one has",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE,
                        new ClusterState("prod", HOSTS, SERVICES, Set.of("t3")), twoServicesAndAStandaloneTask(),
                        expect("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=worker", 12.5,
                                "AWS/ECS CPUUtilization ClusterName=prod", 4.166666666666667), // 128 / 3072
                        List.of("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=web",
                                "AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=web",
                                "ECS/ContainerInsights CpuUtilized ClusterName=prod,ServiceName=web")),
                new Case("several samples of a task in a minute are averaged first: t1 (100 + 200 + 600) / 3 = 300",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE, new ClusterState("prod", HOSTS, SERVICES,
                                Set.of("t1", "t2")),
                        List.of(sample("web", "t1", "web", 0, 100, 512, 100, 512),
                                sample("web", "t1", "web", 20, 200, 512, 200, 512),
                                sample("web", "t1", "web", 40, 600, 512, 300, 512),
                                sample("web", "t2", "web", 30, 500, 512, 56, 512)),
                        expect("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=web", 78.125, // (300 + 500) / 1024
                                "AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=web", 25.0, // (200 + 56) / 1024
                                "ECS/ContainerInsights CpuUtilized ClusterName=prod,ServiceName=web", 800.0,
                                "ECS/ContainerInsights CpuReserved ClusterName=prod,ServiceName=web", 1024.0),
                        List.of()),
                new Case("samples of another minute or another cluster are not this minute's",
                        EcsMetricsAggregator.STANDARD_WINDOW, MINUTE, new ClusterState("prod", HOSTS, SERVICES,
                                Set.of("t1")),
                        List.of(sample("web", "t1", "web", 30, 256, 512, 128, 512),
                                sample("web", "t1", "web", 60, 512, 512, 512, 512),
                                sample("web", "t1", "web", -1, 512, 512, 512, 512),
                                new TaskSample("staging", "web", "t1", "web", MINUTE.plusSeconds(30), 512, 512, 512,
                                        512)),
                        expect("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=web", 50.0,
                                "AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=web", 25.0),
                        List.of()),
                new Case("high resolution: a 10 s window averages its own samples only and is stamped with its start",
                        EcsMetricsAggregator.HIGH_RESOLUTION_WINDOW, MINUTE.plusSeconds(10),
                        new ClusterState("prod", HOSTS, SERVICES, Set.of("t1")),
                        List.of(sample("web", "t1", "web", 5, 512, 512, 512, 512),
                                sample("web", "t1", "web", 12, 256, 512, 100, 512),
                                sample("web", "t1", "web", 18, 512, 512, 200, 512),
                                sample("web", "t1", "web", 20, 0, 512, 0, 512)),
                        expect("AWS/ECS CPUUtilization ClusterName=prod,ServiceName=web", 75.0, // 384 / 512
                                "AWS/ECS MemoryUtilization ClusterName=prod,ServiceName=web", 29.296875), // 150 / 512
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWindowGivesTheDatapointsEcsPublishes(Case c) {
        List<EcsDatapoint> points = new EcsMetricsAggregator(c.window()).aggregate(c.start(), c.cluster(), c.samples());
        Map<String, Double> byKey = byKey(points);
        assertEquals(points.size(), byKey.size(), "one datapoint per metric and dimensions: " + byKey.keySet());
        c.expected().forEach((key, value) -> {
            assertNotNull(byKey.get(key), key + " missing from " + byKey.keySet());
            assertEquals(value, byKey.get(key), TOLERANCE, key);
        });
        for (String key : c.absent()) {
            assertFalse(byKey.containsKey(key), key + " must not be published");
        }
        assertTrue(points.stream().allMatch(p -> p.timestamp().equals(c.start())), "stamped with the window's start");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "AWS/ECS, CPUUtilization, Percent",
            "AWS/ECS, MemoryUtilization, Percent",
            "AWS/ECS, CPUReservation, Percent",
            "AWS/ECS, MemoryReservation, Percent",
            "ECS/ContainerInsights, CpuUtilized, None",
            "ECS/ContainerInsights, CpuReserved, None",
            "ECS/ContainerInsights, MemoryUtilized, Megabytes",
            "ECS/ContainerInsights, MemoryReserved, Megabytes",
            "ECS/ContainerInsights, RunningTaskCount, Count",
            "ECS/ContainerInsights, PendingTaskCount, Count",
            "ECS/ContainerInsights, DesiredTaskCount, Count",
            "ECS/ContainerInsights, DeploymentCount, Count",
            "ECS/ContainerInsights, TaskCount, Count",
            "ECS/ContainerInsights, ServiceCount, Count",
            "ECS/ContainerInsights, ContainerInstanceCount, Count"})
    void everyMetricHasCloudWatchsUnit(String namespace, String name, String unit) {
        List<EcsDatapoint> points = new EcsMetricsAggregator(EcsMetricsAggregator.STANDARD_WINDOW).aggregate(MINUTE,
                new ClusterState("prod", HOSTS, SERVICES, Set.of("t1", "t2", "t3", "t4")),
                twoServicesAndAStandaloneTask());
        List<EcsDatapoint> named = points.stream()
                .filter(p -> p.namespace().equals(namespace) && p.metricName().equals(name)).toList();
        assertFalse(named.isEmpty(), namespace + " " + name);
        assertTrue(named.stream().allMatch(p -> p.unit() == StandardUnit.of(unit).orElseThrow()),
                namespace + " " + name + " in " + unit);
        assertTrue(named.stream().allMatch(p -> p.dimensions().get(0).name().equals("ClusterName")),
                "ClusterName comes first");
    }

    @ParameterizedTest(name = "window {0} starting at {1}")
    @CsvSource({
            "PT1M, 2026-12-03T12:00:30Z",
            "PT10S, 2026-12-03T12:00:05Z",
            "PT10S, 2026-12-03T12:00:10.500Z"})
    void aWindowStartsOnItsBoundary(Duration window, Instant start) {
        EcsMetricsAggregator aggregator = new EcsMetricsAggregator(window);
        ClusterState cluster = new ClusterState("prod", HOSTS, SERVICES, Set.of());
        assertThrows(IllegalArgumentException.class, () -> aggregator.aggregate(start, cluster, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT0S", "PT7S", "PT90S", "PT0.5S", "PT-1M"})
    void aWindowLinesUpWithCloudWatchPeriods(Duration window) {
        assertThrows(IllegalArgumentException.class, () -> new EcsMetricsAggregator(window));
    }

    @Test
    void windowsOfAWholeNumberOfMinutesOrOfSecondsDividingAMinuteAreAccepted() {
        for (String window : List.of("PT10S", "PT20S", "PT30S", "PT1M", "PT5M")) {
            assertEquals(Duration.parse(window), new EcsMetricsAggregator(Duration.parse(window)).window());
        }
    }

    private static TaskSample sample(String service, String taskId, String family, int secondsIntoMinute,
                                     double cpuUtilized, double cpuReserved, double memoryUtilized,
                                     double memoryReserved) {
        return new TaskSample("prod", service, taskId, family, MINUTE.plusSeconds(secondsIntoMinute), cpuUtilized,
                cpuReserved, memoryUtilized, memoryReserved);
    }

    private static Map<String, Double> expect(Object... keysAndValues) {
        Map<String, Double> expected = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            expected.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return expected;
    }

    private static Map<String, Double> byKey(List<EcsDatapoint> points) {
        Map<String, Double> byKey = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (EcsDatapoint p : points) {
            String key = p.namespace() + " " + p.metricName() + " " + p.dimensions().stream()
                    .map(d -> d.name() + "=" + d.value()).collect(Collectors.joining(","));
            keys.add(key);
            byKey.put(key, p.value());
        }
        return byKey;
    }
}
