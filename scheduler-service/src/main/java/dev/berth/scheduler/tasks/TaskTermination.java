package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;
import dev.berth.agent.protocol.AgentMessage;

import dev.berth.scheduler.agentchannel.CommandStore;
import dev.berth.scheduler.events.SchedulerEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Stopping tasks: a user's or a service's stop asks the host's agent to stop the task; a host that
 * is lost or deregistered takes its tasks with it at once (STOPPED, room freed, queued commands
 * dropped).
 */
@ApplicationScoped
public class TaskTermination {

    @Inject
    Pool pool;

    @Inject
    TaskStore tasks;

    @Inject
    CommandStore commands;

    @Inject
    SchedulerEvents events;

    @Inject
    ClusterStates states;

    /** ECS StopTask; stopping a stopped task again changes nothing. */
    public Uni<Task> stop(String tenant, String cluster, String taskId, String stopCode, String reason) {
        return pool.withTransaction(connection -> tasks.lock(connection, tenant, cluster, taskId)
                        .chain(found -> {
                            if (found.isEmpty()) {
                                return Uni.createFrom().failure(new InvalidInputException(
                                        "task", "the referenced task was not found: " + taskId));
                            }
                            return stop(connection, found.get(), stopCode, reason);
                        }))
                .invoke(stopped -> {
                    states.forget(tenant, cluster); // before the notification: a placement may come next
                    events.taskChanged(stopped);
                });
    }

    /** Within a transaction that holds the task's row. */
    public Uni<Task> stop(SqlClient client, Task task, String stopCode, String reason) {
        if (task.desiredStatus() == TaskStatus.STOPPED) {
            return Uni.createFrom().item(task);
        }
        return tasks.markStopRequested(client, task, stopCode, reason)
                .chain(marked -> commands.enqueue(client, task.tenant(), task.hostId(),
                                seq -> AgentMessage.Command.stop(seq, new AgentMessage.StopTask(task.arn(), reason)))
                        .replaceWith(marked));
    }

    /** Every live task of the host is STOPPED now with {@code reason}; the host's queued commands are dropped. */
    public Uni<List<Task>> hostGone(String tenant, String hostId, String stopCode, String reason) {
        return pool.withTransaction(connection -> tasks.liveOnHost(connection, tenant, hostId)
                        .chain(live -> stopAll(connection, live, stopCode, reason, 0, new ArrayList<>()))
                        .chain(stopped -> connection.preparedQuery("DELETE FROM host_command WHERE tenant = $1 "
                                + "AND host_id = $2").execute(Tuple.of(tenant, hostId)).replaceWith(stopped)))
                .invoke(stopped -> events.tasksChanged(stopped));
    }

    private Uni<List<Task>> stopAll(SqlClient client, List<Task> live, String stopCode, String reason, int index,
                                       List<Task> stopped) {
        if (index == live.size()) {
            return Uni.createFrom().item(stopped);
        }
        Task task = live.get(index);
        TaskProgress.Change change = new TaskProgress.Change(TaskStatus.STOPPED, TaskStatus.STOPPED, task.healthStatus(),
                task.stopCode() != null ? task.stopCode() : stopCode,
                task.stoppedReason() != null ? task.stoppedReason() : reason, task.containers(), true);
        return tasks.update(client, task, change).chain(updated -> {
            stopped.add(updated);
            return stopAll(client, live, stopCode, reason, index + 1, stopped);
        });
    }
}
