package dev.berth.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.engine.ContainerExits;
import dev.berth.agent.engine.ContainerSpec;
import dev.berth.agent.engine.FakeEngine;
import dev.berth.agent.images.ImagePuller;
import dev.berth.agent.logs.LogForwarder;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.tasks.ContainerPlan;
import dev.berth.agent.tasks.TaskLabels;
import dev.berth.agent.tasks.TaskPlan;
import dev.berth.agent.tasks.TaskRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the agent reports for three running tasks on a host that registered 2048 cpu units and
 * 4096 MiB, between two samples 10 s apart (the engine's cpu counters are the fake's):
 * <ul>
 * <li>aaaa of service web (family web): app reserves 256 cpu units, hard 512 / soft 256 MiB, used
 * 1.25 s of cpu (128 units) and 200 MiB; sidecar reserves no cpu, hard 128 MiB, used 0.625 s
 * (64 units) and 40 MiB. Reserved for utilization: 256 cpu, 256 + 128 = 384 MiB.</li>
 * <li>bbbb, standalone (family batch), task-level 512 cpu and 1024 MiB; job used 5 s (512 units)
 * and 256 MiB.</li>
 * <li>cccc, standalone (family free), reserves nothing; main used 2.5 s (256 units) and 100 MiB.</li>
 * </ul>
 * A data point is named "MetricName Dim=Value,..." with the dimensions in name order.
 */
class MetricsReporterTest {

    private static final long MIB = 1024L * 1024;
    private static final long SECOND = 1_000_000_000L;
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:10Z");
    private static final AgentMessage.Capacity CAPACITY = new AgentMessage.Capacity(2048, 4096, List.of(), List.of());

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    private static final FakeEngine ENGINE = new FakeEngine();
    private static final ContainerExits EXITS = new ContainerExits(ENGINE, TaskLabels.HOST_ID, "h-1");
    private static final List<TaskRun> RUNS = new ArrayList<>();
    private static final AtomicLong NANOS = new AtomicLong();
    private static List<AgentMessage.Datapoint> first;
    private static List<AgentMessage.Datapoint> second;

    @TempDir
    static Path dir;

    @BeforeAll
    static void twoSamplesTenSecondsApart() throws Exception {
        EXITS.start();
        CountDownLatch running = new CountDownLatch(3);
        TaskRun.Reports reports = new TaskRun.Reports() {
            @Override
            public void taskState(String taskArn, String lastStatus, List<AgentMessage.ContainerState> containers,
                                  String stopCode, String stoppedReason) {
                if (lastStatus.equals("RUNNING")) {
                    running.countDown();
                }
            }
        };
        LogForwarder logs = new LogForwarder(new LogForwarder.Sink() {
            @Override
            public void send(String group, String stream, List<AgentMessage.LogEvent> events) {
            }

            @Override
            public int inFlight() {
                return 0;
            }
        }, LogForwarder.Limits.DEFAULT, TIMER);
        ImagePuller images = new ImagePuller(ENGINE, URI.create("http://gateway.test:8080"), () -> "token", "host",
                "secret");
        List<TaskPlan> plans = List.of(
                new TaskPlan(arn("aaaa"), "aaaa", "web", "service:web", null,
                        List.of(container("app", "web-app", 256, 512, 256), container("sidecar", "web-sidecar", 0, 128, 0))),
                new TaskPlan(arn("bbbb"), "bbbb", "batch", "family:batch", null,
                        List.of(container("job", "batch-job", 0, 0, 0)), 512, 1024),
                new TaskPlan(arn("cccc"), "cccc", "free", "family:free", null,
                        List.of(container("main", "free-main", 0, 0, 0))));
        for (TaskPlan plan : plans) {
            TaskRun run = new TaskRun(plan, ENGINE, EXITS, images, logs, reports);
            RUNS.add(run);
            run.start();
        }
        assertTrue(running.await(30, TimeUnit.SECONDS), "the three tasks run");

        Path loadavg = Files.writeString(dir.resolve("loadavg"), "0.75 0.50 0.25 1/123 4567\n");
        List<List<AgentMessage.Datapoint>> sent = new ArrayList<>();
        MetricsReporter reporter = new MetricsReporter(ENGINE, () -> List.copyOf(RUNS), sent::add, "prod", "h-1",
                CAPACITY, loadavg, NANOS::get, Clock.fixed(NOW, ZoneOffset.UTC));
        for (String name : List.of("web-app", "web-sidecar", "batch-job", "free-main")) {
            ENGINE.uses(name, 0, 0);
        }
        reporter.run();
        NANOS.set(10 * SECOND);
        ENGINE.uses("web-app", SECOND + SECOND / 4, 200 * MIB);
        ENGINE.uses("web-sidecar", SECOND * 5 / 8, 40 * MIB);
        ENGINE.uses("batch-job", 5 * SECOND, 256 * MIB);
        ENGINE.uses("free-main", 5 * SECOND / 2, 100 * MIB);
        reporter.run();
        assertEquals(2, sent.size());
        first = sent.get(0);
        second = sent.get(1);
    }

    @AfterAll
    static void stop() {
        RUNS.forEach(run -> run.stop("test over"));
        EXITS.close();
        TIMER.shutdownNow();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // what was reported before, per task and container
            "CPUUtilization    | ClusterName=prod,ServiceName=web,TaskId=aaaa                       | 75.0   | Percent",
            "CPUUtilization    | ClusterName=prod,ContainerName=app,ServiceName=web,TaskId=aaaa     | 50.0   | Percent",
            "CPUUtilization    | ClusterName=prod,ContainerName=sidecar,ServiceName=web,TaskId=aaaa | 6.25   | Percent",
            "MemoryUtilized    | ClusterName=prod,ServiceName=web,TaskId=aaaa                       | 240.0  | Megabytes",
            "MemoryUtilized    | ClusterName=prod,ContainerName=app,ServiceName=web,TaskId=aaaa     | 200.0  | Megabytes",
            // against the soft limit where there is one (200 / 256), else the hard one (40 / 128)
            "MemoryUtilization | ClusterName=prod,ContainerName=app,ServiceName=web,TaskId=aaaa     | 78.13  | Percent",
            "MemoryUtilization | ClusterName=prod,ContainerName=sidecar,ServiceName=web,TaskId=aaaa | 31.25  | Percent",
            "MemoryUtilization | ClusterName=prod,ServiceName=web,TaskId=aaaa                       | 62.5   | Percent",
            // task-level sizes count where the task has them
            "CPUUtilization    | ClusterName=prod,TaskId=bbbb                                       | 100.0  | Percent",
            "MemoryUtilization | ClusterName=prod,TaskId=bbbb                                       | 25.0   | Percent",
            "CPUUtilization    | ClusterName=prod,TaskId=cccc                                       | 25.0   | Percent",
            // Container Insights' raw values per task
            "CpuUtilized       | ClusterName=prod,ServiceName=web,TaskDefinitionFamily=web,TaskId=aaaa | 192.0  | None",
            "CpuReserved       | ClusterName=prod,ServiceName=web,TaskDefinitionFamily=web,TaskId=aaaa | 256.0  | None",
            "MemoryReserved    | ClusterName=prod,ServiceName=web,TaskDefinitionFamily=web,TaskId=aaaa | 384.0  | Megabytes",
            "CpuUtilized       | ClusterName=prod,TaskDefinitionFamily=batch,TaskId=bbbb            | 512.0  | None",
            "CpuReserved       | ClusterName=prod,TaskDefinitionFamily=batch,TaskId=bbbb            | 512.0  | None",
            "MemoryReserved    | ClusterName=prod,TaskDefinitionFamily=batch,TaskId=bbbb            | 1024.0 | Megabytes",
            // a task reserving nothing: one core of cpu, no memory
            "CpuUtilized       | ClusterName=prod,TaskDefinitionFamily=free,TaskId=cccc             | 256.0  | None",
            "CpuReserved       | ClusterName=prod,TaskDefinitionFamily=free,TaskId=cccc             | 1024.0 | None",
            "MemoryReserved    | ClusterName=prod,TaskDefinitionFamily=free,TaskId=cccc             | 0.0    | Megabytes",
            // the host: 960 cpu units of 2048, 596 MiB of 4096, load from /proc/loadavg
            "CPUUtilized       | ClusterName=prod,ContainerInstanceId=h-1                           | 960.0  | None",
            "MemoryUtilized    | ClusterName=prod,ContainerInstanceId=h-1                           | 596.0  | Megabytes",
            "CPUUtilization    | ClusterName=prod,ContainerInstanceId=h-1                           | 46.88  | Percent",
            "MemoryUtilization | ClusterName=prod,ContainerInstanceId=h-1                           | 14.55  | Percent",
            "LoadAverage1Minute | ClusterName=prod,ContainerInstanceId=h-1                          | 0.75   | None"})
    void aRunningTaskAndItsHostAreMeasured(String name, String dimensions, double value, String unit) {
        AgentMessage.Datapoint point = byKey(second).get(name + " " + dimensions);
        assertNotNull(point, name + " " + dimensions + " in " + byKey(second).keySet());
        assertEquals(value, point.value(), 1e-9);
        assertEquals(unit, point.unit());
        assertEquals(MetricsReporter.NAMESPACE, point.namespace());
        assertEquals(NOW, point.timestamp());
    }

    @Test
    void aTaskReservingNoMemoryHasNoMemoryUtilization() {
        assertFalse(byKey(second).containsKey("MemoryUtilization ClusterName=prod,TaskId=cccc"));
        assertFalse(byKey(second).containsKey("MemoryUtilization ClusterName=prod,ContainerName=main,TaskId=cccc"));
    }

    @Test
    void aTasksFirstReportHasNoContainerInsightsValuesItsCpuUseIsNotKnownYet() {
        assertTrue(first.stream().noneMatch(p -> List.of("CpuUtilized", "CpuReserved", "MemoryReserved")
                .contains(p.name())), "no cpu reading before the second sample");
        assertTrue(byKey(first).containsKey("MemoryUtilized ClusterName=prod,ServiceName=web,TaskId=aaaa"),
                "the rest is reported from the first sample on");
    }

    @Test
    void noLoadAverageWhenProcLoadavgCannotBeRead() {
        List<List<AgentMessage.Datapoint>> sent = new ArrayList<>();
        new MetricsReporter(ENGINE, List::of, sent::add, "prod", "h-1", CAPACITY, dir.resolve("absent"), NANOS::get,
                Clock.fixed(NOW, ZoneOffset.UTC)).run();
        Map<String, AgentMessage.Datapoint> points = byKey(sent.get(0));
        assertFalse(points.containsKey("LoadAverage1Minute ClusterName=prod,ContainerInstanceId=h-1"));
        assertEquals(0.0, points.get("CPUUtilization ClusterName=prod,ContainerInstanceId=h-1").value(),
                "an idle host still reports");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "0.75 0.50 0.25 1/123 4567 | 0.75",
            "12.00 3.00 1.00 9/900 1   | 12.0",
            "''                        | ",
            "not numbers at all        | ",
            "-1 0 0 1/1 1              | "})
    void theOneMinuteLoadIsTheFirstFieldOfProcLoadavg(String content, Double expected) throws IOException {
        Path file = Files.writeString(dir.resolve("loadavg-" + Math.abs(content.hashCode())), content);
        OptionalDouble load = MetricsReporter.loadAverage(file);
        assertEquals(expected == null ? OptionalDouble.empty() : OptionalDouble.of(expected), load);
    }

    private static Map<String, AgentMessage.Datapoint> byKey(List<AgentMessage.Datapoint> points) {
        Map<String, AgentMessage.Datapoint> byKey = new TreeMap<>();
        for (AgentMessage.Datapoint point : points) {
            String key = point.name() + " " + new TreeMap<>(point.dimensions()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            assertTrue(byKey.put(key, point) == null, "one point per name and dimensions: " + key);
        }
        return byKey;
    }

    private static String arn(String id) {
        return "arn:berth:ecs::acme:task/prod/" + id;
    }

    private static ContainerPlan container(String name, String engineName, int cpu, int hardMiB, int softMiB) {
        ContainerSpec spec = new ContainerSpec(engineName, "busybox", null, List.of("sleep", "300"), Map.of(), null,
                Map.of(), Math.max(2, cpu), 0, hardMiB * MIB, softMiB * MIB, List.of(), "bridge", null, false,
                List.of());
        return new ContainerPlan(name, true, List.of(), null, null, Duration.ofSeconds(30), cpu,
                hardMiB > 0 ? hardMiB : softMiB, spec);
    }
}
