package dev.berth.agent.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.agent.engine.ContainerEngine;
import dev.berth.agent.engine.ContainerExits;
import dev.berth.agent.images.ImagePuller;
import dev.berth.agent.logs.LogForwarder;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The tasks of this host: start and stop commands become task runs; each accepted task's command
 * is kept in the state directory until the task is over, so that a restarted agent takes its
 * running containers over instead of stopping them, and removes containers nobody asked for.
 */
public final class TaskManager {

    private static final Logger LOG = Logger.getLogger(TaskManager.class.getName());
    private static final ObjectMapper JSON = AgentMessages.json();

    private final TaskPlans.Owner owner;
    private final ContainerEngine engine;
    private final ContainerExits exits;
    private final ImagePuller images;
    private final LogForwarder logs;
    private final TaskRun.Reports reports;
    private final Path taskFiles;
    private final UnaryOperator<TaskPlan> prepare;
    private final Map<String, TaskRun> runs = new ConcurrentHashMap<>();
    /** Tasks over lately, still listed (as STOPPED) in a hello until their report surely arrived. */
    private final Map<String, Instant> finished = new ConcurrentHashMap<>();
    private static final Duration LISTED_AFTER_STOP = Duration.ofMinutes(10);

    /**
     * @param prepare last changes to a plan before it runs (e.g. the task's credentials endpoint in
     *                its containers' environment)
     */
    public TaskManager(TaskPlans.Owner owner, ContainerEngine engine, ContainerExits exits, ImagePuller images,
                       LogForwarder logs, TaskRun.Reports reports, Path stateDirectory, UnaryOperator<TaskPlan> prepare) {
        this.owner = owner;
        this.engine = engine;
        this.exits = exits;
        this.images = images;
        this.logs = logs;
        this.prepare = prepare;
        this.taskFiles = stateDirectory.resolve("tasks");
        this.reports = new TaskRun.Reports() {
            @Override
            public void taskState(String taskArn, String lastStatus, List<AgentMessage.ContainerState> containers,
                                  String stopCode, String stoppedReason) {
                reports.taskState(taskArn, lastStatus, containers, stopCode, stoppedReason);
            }

            @Override
            public void finished(TaskRun run) {
                runs.remove(run.plan().taskArn(), run);
                finished.put(run.plan().taskArn(), Instant.now());
                forget(run.plan().taskId());
                reports.finished(run);
            }
        };
    }

    public void onCommand(AgentMessage.Command command) {
        // if/else rather than a pattern switch: the agent runs on Java 17
        AgentMessage.TaskCommand task = command.task();
        if (task instanceof AgentMessage.StartTask start) {
            start(start);
        } else if (task instanceof AgentMessage.StopTask stop) {
            stop(stop);
        } else {
            LOG.warning("unknown command " + task.action() + " ignored");
        }
    }

    private void start(AgentMessage.StartTask task) {
        if (runs.containsKey(task.taskArn())) {
            return;
        }
        TaskRun run;
        try {
            run = newRun(task);
        } catch (ElevatedAccessRefused refused) {
            LOG.warning("task " + task.taskArn() + " refused: " + refused.getMessage());
            reports.taskState(task.taskArn(), "STOPPED", List.of(), "TaskFailedToStart",
                    "CannotCreateContainerError: " + refused.getMessage());
            return;
        }
        keep(task);
        runs.put(task.taskArn(), run);
        run.start();
    }

    private void stop(AgentMessage.StopTask stop) {
        TaskRun run = runs.get(stop.taskArn());
        if (run != null) {
            run.stop(stop.reason());
        } else {
            reports.taskState(stop.taskArn(), "STOPPED", List.of(), null, stop.reason());
        }
    }

    /**
     * The tasks this host runs, for the hello, and those that stopped in the last minutes (so a
     * STOPPED report still on its way is not taken for a task the agent forgot).
     */
    public List<AgentMessage.KnownTask> known() {
        List<AgentMessage.KnownTask> known = new ArrayList<>();
        runs.forEach((arn, run) -> known.add(new AgentMessage.KnownTask(arn, run.lastStatus())));
        Instant horizon = Instant.now().minus(LISTED_AFTER_STOP);
        finished.values().removeIf(at -> at.isBefore(horizon));
        finished.keySet().forEach(arn -> known.add(new AgentMessage.KnownTask(arn, "STOPPED")));
        return known;
    }

    public List<TaskRun> runs() {
        return List.copyOf(runs.values());
    }

    /**
     * After an agent restart: takes over the tasks whose commands were kept and whose containers
     * still exist; starts afresh a kept task that had no container yet; removes labelled
     * containers of this host that belong to no kept task.
     */
    public void recover() {
        Map<String, Map<String, ContainerEngine.ContainerInfo>> byTask = new HashMap<>();
        for (ContainerEngine.ContainerInfo c : engine.containersLabelled(TaskLabels.HOST_ID, owner.hostId())) {
            String arn = c.labels().get(TaskLabels.TASK_ARN);
            String name = c.labels().get(TaskLabels.CONTAINER_NAME);
            if (arn != null && name != null) {
                byTask.computeIfAbsent(arn, k -> new HashMap<>()).put(name, c);
            }
        }
        for (AgentMessage.StartTask task : kept()) {
            Map<String, ContainerEngine.ContainerInfo> existing = byTask.remove(task.taskArn());
            TaskRun run;
            try {
                run = newRun(task);
            } catch (ElevatedAccessRefused refused) {
                // kept by an agent that did not check yet: such a task runs no more
                LOG.warning("task " + task.taskArn() + " refused: " + refused.getMessage());
                if (existing != null) {
                    existing.values().forEach(c -> engine.remove(c.id()));
                }
                forget(TaskPlans.taskId(task.taskArn()));
                reports.taskState(task.taskArn(), "STOPPED", List.of(), "TaskFailedToStart",
                        "CannotCreateContainerError: " + refused.getMessage());
                continue;
            }
            runs.put(task.taskArn(), run);
            if (existing == null || existing.isEmpty()) {
                run.start();
            } else {
                LOG.info("taking over task " + task.taskArn() + " (" + existing.size() + " containers)");
                run.adopt(existing);
            }
        }
        byTask.forEach((arn, containers) -> containers.values().forEach(c -> {
            if (c.running()) {
                LOG.info("removing container " + c.name() + " of task " + arn + ", which this host no longer runs");
                engine.remove(c.id());
            }
        }));
    }

    private TaskRun newRun(AgentMessage.StartTask task) {
        return new TaskRun(prepare.apply(TaskPlans.from(task, owner)), engine, exits, images, logs, reports);
    }

    private void keep(AgentMessage.StartTask task) {
        try {
            Files.createDirectories(taskFiles);
            Path file = taskFiles.resolve(TaskPlans.taskId(task.taskArn()) + ".json");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(task));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep task " + task.taskArn() + " in " + taskFiles, e);
        }
    }

    private void forget(String taskId) {
        try {
            Files.deleteIfExists(taskFiles.resolve(taskId + ".json"));
        } catch (IOException e) {
            LOG.warning("cannot remove " + taskId + ".json: " + e.getMessage());
        }
    }

    private List<AgentMessage.StartTask> kept() {
        if (!Files.isDirectory(taskFiles)) {
            return List.of();
        }
        List<AgentMessage.StartTask> tasks = new ArrayList<>();
        try (Stream<Path> files = Files.list(taskFiles)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    tasks.add(JSON.readValue(file.toFile(), AgentMessage.StartTask.class));
                } catch (IOException e) {
                    LOG.warning("cannot read kept task " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }
}
