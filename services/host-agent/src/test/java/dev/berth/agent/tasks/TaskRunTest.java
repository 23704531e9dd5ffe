package dev.berth.agent.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.berth.agent.engine.ContainerExits;
import dev.berth.agent.engine.ContainerSpec;
import dev.berth.agent.engine.FakeEngine;
import dev.berth.agent.images.ImagePuller;
import dev.berth.agent.logs.LogForwarder;
import dev.berth.agent.protocol.AgentMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of a task's run on a host, against an engine the test drives: which exits stop the
 * task and with what ECS stop code and reason, how an OOM kill is told, in which waves and with
 * which timeouts a task is stopped, what health checks change. Each row runs a task, plays a
 * script on it and compares the STOPPED report (rendered as text) and the engine calls.
 */
class TaskRunTest {

    private static final String ARN = "arn:berth:ecs::acme:task/prod/0123abcd";
    private static final int NO_LIMIT = 0;

    /** Renders a report: "STATUS stopCode 'reason' | name STATUS exit reason health, ...". */
    private static String render(AgentMessage.TaskStateReport r) {
        return r.lastStatus() + " " + r.stopCode() + " '" + r.stoppedReason() + "' | " + r.containers().stream()
                .map(c -> c.name() + " " + c.lastStatus() + " " + c.exitCode() + " " + c.reason() + " " + c.healthStatus())
                .collect(Collectors.joining(", "));
    }

    /** What a row does to the running task. */
    interface Script {
        void play(Run run) throws Exception;
    }

    /**
     * @param before what the containers will do, set before the task starts
     * @param calls  the engine calls of {@code verb} expected, in order ("stop" or "remove" or "start")
     */
    record Case(String name, List<ContainerPlan> containers, Consumer<FakeEngine> before, Script script,
                String stopped, String verb, List<String> calls) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Consumer<FakeEngine> NONE = engine -> { };

    static Stream<Case> cases() {
        return Stream.of(
                new Case("an essential container's exit stops the task",
                        List.of(container("app", true, NO_LIMIT), container("sidecar", false, NO_LIMIT)),
                        NONE,
                        run -> {
                            run.await("RUNNING");
                            run.engine.exit("app", 7, false);
                        },
                        "STOPPED EssentialContainerExited 'Essential container in task exited' | "
                                + "app STOPPED 7 null null, sidecar STOPPED 143 null null",
                        "stop", List.of("stop sidecar 30s")),
                new Case("a non-essential container's exit leaves the task running",
                        List.of(container("app", true, NO_LIMIT), container("sidecar", false, NO_LIMIT)),
                        NONE,
                        run -> {
                            run.await("RUNNING");
                            run.engine.exit("sidecar", 0, false);
                            AgentMessage.TaskStateReport after = run.await("RUNNING");
                            assertEquals("RUNNING null 'null' | app RUNNING null null null, sidecar STOPPED 0 null null",
                                    render(after));
                            run.task.stop("Task stopped by user");
                        },
                        "STOPPED null 'Task stopped by user' | app STOPPED 143 null null, sidecar STOPPED 0 null null",
                        "stop", List.of("stop app 30s")),
                new Case("an exit the engine says was an OOM kill is reported out of memory",
                        List.of(container("hog", true, 16)),
                        NONE,
                        run -> {
                            run.await("RUNNING");
                            run.engine.exit("hog", 137, true);
                        },
                        "STOPPED EssentialContainerExited 'Essential container in task exited' | "
                                + "hog STOPPED 137 " + TaskRun.OOM_REASON + " null",
                        "stop", List.of()),
                new Case("a SIGKILL under a memory limit the agent did not send is a probable OOM kill",
                        List.of(container("hog", true, 16)),
                        NONE,
                        run -> {
                            run.await("RUNNING");
                            run.engine.exit("hog", 137, false);
                        },
                        "STOPPED EssentialContainerExited 'Essential container in task exited' | "
                                + "hog STOPPED 137 " + TaskRun.PROBABLE_OOM_REASON + " null",
                        "stop", List.of()),
                new Case("a SIGKILL without a memory limit is no OOM kill",
                        List.of(container("app", true, NO_LIMIT)),
                        NONE,
                        run -> {
                            run.await("RUNNING");
                            run.engine.exit("app", 137, false);
                        },
                        "STOPPED EssentialContainerExited 'Essential container in task exited' | "
                                + "app STOPPED 137 null null",
                        "stop", List.of()),
                new Case("a stop goes in waves, dependents first, each with its stop timeout",
                        List.of(container("db", true, 16, Duration.ofSeconds(2)),
                                container("web", true, NO_LIMIT, Duration.ofSeconds(10), dependsOn("db", "START")),
                                container("proxy", false, NO_LIMIT, Duration.ofSeconds(5), dependsOn("web", "START"))),
                        engine -> engine.ignoresSigterm("db"),
                        run -> {
                            run.await("RUNNING");
                            run.task.stop("Scaling activity initiated by deployment");
                        },
                        // the SIGKILL after the stop timeout is the agent's own: no OOM reason despite the limit
                        "STOPPED null 'Scaling activity initiated by deployment' | "
                                + "db STOPPED 137 null null, web STOPPED 143 null null, proxy STOPPED 143 null null",
                        "stop", List.of("stop proxy 5s", "stop web 10s", "stop db 2s")),
                new Case("containers start in dependsOn order",
                        List.of(container("migrate", false, NO_LIMIT),
                                container("app", true, NO_LIMIT, dependsOn("migrate", "SUCCESS"))),
                        NONE,
                        run -> {
                            run.await("PENDING");
                            run.engine.exit("migrate", 0, false);
                            run.await("RUNNING");
                            run.task.stop("Task stopped by user");
                        },
                        "STOPPED null 'Task stopped by user' | migrate STOPPED 0 null null, app STOPPED 143 null null",
                        "start", List.of("start migrate", "start app")),
                new Case("a dependency that exits with the wrong code fails the task; only the unstarted container goes",
                        List.of(container("migrate", false, NO_LIMIT),
                                container("app", true, NO_LIMIT, dependsOn("migrate", "SUCCESS"))),
                        NONE,
                        run -> run.engine.exit("migrate", 3, false),
                        "STOPPED TaskFailedToStart 'Container app cannot start: its dependency migrate did not "
                                + "reach SUCCESS (exit code 3)' | migrate STOPPED 3 null null, app PENDING null null null",
                        "remove", List.of("remove app")),
                new Case("a health check that passes makes the container HEALTHY and starts its dependents",
                        // failures in the start period do not count: db stays UNKNOWN until its check passes
                        List.of(healthChecked(container("db", true, NO_LIMIT), Duration.ofHours(1)),
                                container("app", true, NO_LIMIT, dependsOn("db", "HEALTHY"))),
                        NONE,
                        run -> {
                            run.await("PENDING");
                            run.engine.healthCheckExits("db", 0);
                            AgentMessage.TaskStateReport running = run.await("RUNNING");
                            assertEquals("RUNNING null 'null' | db RUNNING null null HEALTHY, app RUNNING null null null",
                                    render(running));
                            run.task.stop("Task stopped by user");
                        },
                        "STOPPED null 'Task stopped by user' | db STOPPED 143 null HEALTHY, app STOPPED 143 null null",
                        "start", List.of("start db", "start app")),
                new Case("a running container whose checks fail turns UNHEALTHY; the task keeps running",
                        List.of(healthChecked(container("app", true, NO_LIMIT))),
                        engine -> engine.healthCheckExits("app", 0),
                        run -> {
                            run.awaitRendered("RUNNING null 'null' | app RUNNING null null HEALTHY");
                            run.engine.healthCheckExits("app", 1);
                            run.awaitRendered("RUNNING null 'null' | app RUNNING null null UNHEALTHY");
                            run.task.stop("Task stopped by user");
                        },
                        "STOPPED null 'Task stopped by user' | app STOPPED 143 null UNHEALTHY",
                        "stop", List.of("stop app 30s")),
                new Case("a dependency that turns UNHEALTHY before its dependent started fails the task",
                        List.of(healthChecked(container("db", true, NO_LIMIT)),
                                container("app", true, NO_LIMIT, dependsOn("db", "HEALTHY"))),
                        engine -> engine.healthCheckExits("db", 1),
                        run -> { },
                        "STOPPED TaskFailedToStart 'Container app cannot start: its dependency db did not reach "
                                + "HEALTHY (UNHEALTHY)' | db STOPPED 143 null UNHEALTHY, app PENDING null null null",
                        // unlike a start error, a dependency that fails keeps the started containers (their output)
                        "remove", List.of("remove app")),
                new Case("a container the engine cannot start fails the task and leaves nothing behind",
                        List.of(container("app", true, NO_LIMIT)),
                        engine -> engine.failsToStart("app"),
                        run -> { },
                        "STOPPED TaskFailedToStart 'CannotStartContainerError: cannot start app: no such file or "
                                + "directory' | app PENDING null null null",
                        "remove", List.of("remove app")));
    }

    private static ContainerPlan container(String name, boolean essential, int memoryMiB,
                                           ContainerPlan.Dependency... dependsOn) {
        return container(name, essential, memoryMiB, TaskPlans.DEFAULT_STOP_TIMEOUT, dependsOn);
    }

    private static ContainerPlan container(String name, boolean essential, int memoryMiB, Duration stopTimeout,
                                           ContainerPlan.Dependency... dependsOn) {
        ContainerSpec spec = new ContainerSpec(name, "busybox", null, List.of("sleep", "300"), Map.of(), null,
                Map.of(), 2, 0, memoryMiB * 1024L * 1024, 0, List.of(), "bridge", null, false, List.of());
        return new ContainerPlan(name, essential, List.of(dependsOn), null, null, stopTimeout, 0, memoryMiB, spec);
    }

    private static ContainerPlan healthChecked(ContainerPlan c) {
        return healthChecked(c, Duration.ZERO);
    }

    private static ContainerPlan healthChecked(ContainerPlan c, Duration startPeriod) {
        return new ContainerPlan(c.name(), c.essential(), c.dependsOn(), new ContainerPlan.HealthCheck(
                List.of("/bin/sh", "-c", "test -f /ready"), Duration.ofMillis(5), Duration.ofSeconds(1), 2,
                startPeriod), c.logs(), c.stopTimeout(), c.cpu(), c.memory(), c.spec());
    }

    private static ContainerPlan.Dependency dependsOn(String name, String condition) {
        return new ContainerPlan.Dependency(name, ContainerPlan.Condition.valueOf(condition));
    }

    /** One task run against the fake engine, its reports queued for the script. */
    static final class Run implements TaskRun.Reports {
        final FakeEngine engine = new FakeEngine();
        final ContainerExits exits = new ContainerExits(engine, TaskLabels.HOST_ID, "h-1");
        final BlockingQueue<AgentMessage.TaskStateReport> reports = new LinkedBlockingQueue<>();
        final List<AgentMessage.TaskStateReport> seen = new ArrayList<>();
        TaskRun task;

        @Override
        public void taskState(String taskArn, String lastStatus, List<AgentMessage.ContainerState> containers,
                              String stopCode, String stoppedReason) {
            reports.add(new AgentMessage.TaskStateReport(0, taskArn, lastStatus, containers, stopCode, stoppedReason,
                    null));
        }

        /** The next report with {@code status}; the ones before it are passed over. */
        AgentMessage.TaskStateReport await(String status) throws InterruptedException {
            return awaitMatching(r -> r.lastStatus().equals(status), status);
        }

        void awaitRendered(String rendered) throws InterruptedException {
            awaitMatching(r -> render(r).equals(rendered), rendered);
        }

        private AgentMessage.TaskStateReport awaitMatching(java.util.function.Predicate<AgentMessage.TaskStateReport> wanted,
                                                           String what) throws InterruptedException {
            while (true) {
                AgentMessage.TaskStateReport next = reports.poll(30, TimeUnit.SECONDS);
                assertNotNull(next, "a report " + what + " after " + seen.stream().map(TaskRunTest::render).toList());
                seen.add(next);
                if (wanted.test(next)) {
                    return next;
                }
            }
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ContainerExits exits;

    @AfterEach
    void close() {
        if (exits != null) {
            exits.close();
        }
        timer.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aTaskRunFollowsEcsRules(Case c) throws Exception {
        Run run = new Run();
        exits = run.exits;
        exits.start();
        LogForwarder logs = new LogForwarder(new LogForwarder.Sink() {
            @Override
            public void send(String group, String stream, List<AgentMessage.LogEvent> events) {
            }

            @Override
            public int inFlight() {
                return 0;
            }
        }, LogForwarder.Limits.DEFAULT, timer);
        ImagePuller images = new ImagePuller(run.engine, URI.create("http://gateway.test:8080"), () -> "token",
                "host", "secret");
        TaskPlan plan = new TaskPlan(ARN, "0123abcd", "f", "family:f", null, c.containers());
        run.task = new TaskRun(plan, run.engine, exits, images, logs, run);
        c.before().accept(run.engine);
        run.task.start();
        c.script().play(run);
        assertEquals(c.stopped(), render(run.await("STOPPED")));
        assertEquals(c.calls(), run.engine.calls(c.verb()));
    }
}
