package dev.berth.scheduler.events;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.messaging.TenantEvents;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.taskroles.TaskRoleBindings;
import dev.berth.scheduler.tasks.Task;
import dev.berth.scheduler.tasks.TaskView;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Every state change of tasks and hosts, in ECS's event shapes: "ECS Task State Change" on
 * berth.task-state (keyed by task), "ECS Container Instance State Change" on berth.host-state
 * (keyed by host), and both, with "ECS Service Action" events, on berth.events (keyed by tenant).
 */
@ApplicationScoped
public class SchedulerEvents {

    public static final String TASK_STATE_CHANGE = "ECS Task State Change";
    public static final String HOST_STATE_CHANGE = "ECS Container Instance State Change";
    public static final String SERVICE_ACTION = "ECS Service Action";
    public static final String DEPLOYMENT_STATE_CHANGE = "ECS Deployment State Change";

    @Inject
    @Channel("task-state")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
    Emitter<Record<String, EventEnvelope<Object>>> taskState;

    @Inject
    @Channel("host-state")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
    Emitter<Record<String, EventEnvelope<Object>>> hostState;

    @Inject
    @Channel("scheduler-events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
    Emitter<Record<String, EventEnvelope<Object>>> events;

    @Inject
    TaskRoleBindings taskRoles;

    public void tasksChanged(List<Task> tasks) {
        tasks.forEach(this::taskChanged);
    }

    public void taskChanged(Task task) {
        EventEnvelope<Object> event = EventEnvelope.of(TASK_STATE_CHANGE, 1, task.tenant(), null, TaskView.of(task));
        TenantEvents.send(taskState, task.id(), event, "task " + task.id() + " " + task.lastStatus());
        TenantEvents.send(events, task.tenant(), event, "task " + task.id() + " " + task.lastStatus());
        taskRoles.taskChanged(task);
    }

    /** {@code change} says what happened: REGISTERED, CONNECTED, DISCONNECTED, DRAINING, LOST, DEREGISTERED, ... */
    public void hostChanged(Host host, String change) {
        EventEnvelope<Object> event = EventEnvelope.of(HOST_STATE_CHANGE, 1, host.tenant(), null,
                HostChange.of(host, change));
        TenantEvents.send(hostState, host.id(), event, "host " + host.id() + " " + change);
        TenantEvents.send(events, host.tenant(), event, "host " + host.id() + " " + change);
    }

    /** A service's event ("has reached a steady state", "was unable to place a task", ...). */
    public void serviceAction(String tenant, Object detail, String description) {
        TenantEvents.send(events, tenant, EventEnvelope.of(SERVICE_ACTION, 1, tenant, null, detail), description);
    }

    public void deploymentChanged(String tenant, Object detail, String description) {
        TenantEvents.send(events, tenant, EventEnvelope.of(DEPLOYMENT_STATE_CHANGE, 1, tenant, null, detail), description);
    }
}
