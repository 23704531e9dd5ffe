package dev.berth.scheduler.tasks;

import dev.berth.scheduler.clusters.ClusterKey;
import dev.berth.scheduler.hosts.HostStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import dev.berth.common.db.Rows;
import dev.berth.scheduler.hosts.HostStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks in PostgreSQL, always within one tenant. */
@ApplicationScoped
public class TaskStore {

    static final String COLUMNS = "tenant, id, cluster, host_id, task_definition_arn, family, grp, started_by, service_name, "
            + "deployment_id, desired_status, last_status, health_status, stop_code, stopped_reason, cpu, memory, host_ports, "
            + "containers::text AS containers, overrides::text AS overrides, version, created_at, started_at, stopping_at, "
            + "stopped_at, updated_at";

    /** A task about to be written: placed and with its host's room already reserved. */
    public record NewTask(String tenant, String id, String cluster, String hostId, String taskDefinitionArn, String family,
                          String group, String startedBy, String serviceName, String deploymentId, int cpu, int memory,
                          List<String> hostPorts, JsonNode containers, JsonNode overrides, long startSeq) {
    }

    /** ListTasks's filters; null means any. */
    public record Filter(String family, String serviceName, String startedBy, String hostId, TaskStatus desiredStatus) {
    }

    @Inject
    Pool pool;

    @Inject
    HostStore hosts;

    /** Writes new tasks, PROVISIONING, in one statement; the tasks come back in the order given. */
    public Uni<List<Task>> insertAll(SqlClient client, List<NewTask> tasks) {
        return client.preparedQuery("INSERT INTO task (tenant, id, cluster, host_id, task_definition_arn, family, grp, "
                        + "started_by, service_name, deployment_id, desired_status, last_status, cpu, memory, host_ports, "
                        + "containers, overrides, start_seq) SELECT t.tenant, t.id, t.cluster, t.host_id, t.arn, t.family, t.grp, "
                        + "t.started_by, t.service_name, t.deployment_id, 'RUNNING', 'PROVISIONING', t.cpu, t.memory, "
                        + "string_to_array(t.ports, ','), t.containers::jsonb, t.overrides::jsonb, t.start_seq "
                        + "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], "
                        + "$8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[], "
                        + "$16::bigint[]) AS t(tenant, id, cluster, host_id, arn, family, grp, started_by, service_name, "
                        + "deployment_id, cpu, memory, ports, containers, overrides, start_seq) RETURNING " + COLUMNS)
                .execute(Tuple.tuple()
                        .addArrayOfString(tasks.stream().map(NewTask::tenant).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::id).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::cluster).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::hostId).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::taskDefinitionArn).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::family).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::group).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::startedBy).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::serviceName).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(NewTask::deploymentId).toArray(String[]::new))
                        .addArrayOfInteger(tasks.stream().map(NewTask::cpu).toArray(Integer[]::new))
                        .addArrayOfInteger(tasks.stream().map(NewTask::memory).toArray(Integer[]::new))
                        .addArrayOfString(tasks.stream().map(t -> String.join(",", t.hostPorts())).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(t -> t.containers().toString()).toArray(String[]::new))
                        .addArrayOfString(tasks.stream().map(t -> t.overrides() == null ? null : t.overrides().toString())
                                .toArray(String[]::new))
                        .addArrayOfLong(tasks.stream().map(NewTask::startSeq).toArray(Long[]::new)))
                .map(rows -> {
                    Map<String, Task> byId = new HashMap<>();
                    rows.forEach(row -> {
                        Task task = row(row);
                        byId.put(task.id(), task);
                    });
                    return tasks.stream().map(t -> byId.get(t.id())).toList();
                });
    }

    public Uni<List<Task>> find(String tenant, String cluster, List<String> ids) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM task WHERE tenant = $1 AND cluster = $2 AND id = ANY($3) "
                        + "ORDER BY created_at, id")
                .execute(Tuple.of(tenant, cluster, ids.toArray(String[]::new)))
                .map(rows -> Rows.all(rows, TaskStore::row));
    }

    /** The host's tasks whose start it acknowledged and that are still wanted running. */
    public Uni<List<Task>> liveOn(String tenant, String hostId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM task WHERE tenant = $1 AND host_id = $2 "
                        + "AND last_status NOT IN ('PROVISIONING', 'STOPPED') AND desired_status <> 'STOPPED'")
                .execute(Tuple.of(tenant, hostId))
                .map(rows -> Rows.all(rows, TaskStore::row));
    }

    public Uni<Optional<Task>> lock(SqlClient client, String tenant, String cluster, String id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM task WHERE tenant = $1 AND cluster = $2 AND id = $3 FOR UPDATE")
                .execute(Tuple.of(tenant, cluster, id)).map(rows -> Rows.first(rows, TaskStore::row));
    }

    /** Task ids of a cluster, newest first, after the position {@code (createdAt, id)} of the previous page. */
    public Uni<List<Task>> list(String tenant, String cluster, Filter filter, Instant beforeCreatedAt, String beforeId,
                                   int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM task WHERE tenant = $1 AND cluster = $2 "
                        + "AND ($3::text IS NULL OR family = $3) AND ($4::text IS NULL OR service_name = $4) "
                        + "AND ($5::text IS NULL OR started_by = $5) AND ($6::text IS NULL OR host_id = $6) "
                        + "AND desired_status = $7 AND (created_at, id) < ($8, $9) ORDER BY created_at DESC, id DESC LIMIT $10")
                .execute(Tuple.tuple().addString(tenant).addString(cluster).addString(filter.family())
                        .addString(filter.serviceName()).addString(filter.startedBy()).addString(filter.hostId())
                        .addString(filter.desiredStatus().name())
                        .addOffsetDateTime(beforeCreatedAt == null ? OffsetDateTime.parse("9999-01-01T00:00:00Z")
                                : beforeCreatedAt.atOffset(java.time.ZoneOffset.UTC))
                        .addString(beforeId == null ? "" : beforeId).addInteger(limit))
                .map(rows -> Rows.all(rows, TaskStore::row));
    }

    /** A live task of a service and the status of the host it is on. */
    public record ServiceTask(Task task, HostStatus hostStatus) {
        /** RUNNING and, when a container has a health check, HEALTHY. */
        public boolean healthy() {
            if (task.lastStatus() != TaskStatus.RUNNING || "UNHEALTHY".equals(task.healthStatus())) {
                return false;
            }
            boolean checked = false;
            for (JsonNode container : task.containers()) {
                checked |= container.path("hasHealthCheck").asBoolean(false);
            }
            return !checked || "HEALTHY".equals(task.healthStatus());
        }
    }

    /** The service's tasks that are wanted running and not STOPPED, oldest first. */
    public Uni<List<ServiceTask>> ofService(String tenant, String cluster, String service) {
        return pool.preparedQuery("SELECT " + COLUMNS + ", (SELECT h.status FROM host h WHERE h.tenant = task.tenant "
                        + "AND h.id = task.host_id) AS host_status FROM task WHERE tenant = $1 AND cluster = $2 "
                        + "AND service_name = $3 AND last_status <> 'STOPPED' AND desired_status = 'RUNNING' "
                        + "ORDER BY created_at, id")
                .execute(Tuple.of(tenant, cluster, service))
                .map(rows -> Rows.all(rows, r -> new ServiceTask(row(r), r.getString("host_status") == null ? null
                        : HostStatus.valueOf(r.getString("host_status")))));
    }

    /** Tasks of a deployment that failed (an essential container exited, or the task did not start). */
    public Uni<Integer> failedOfDeployment(String tenant, String deploymentId) {
        return pool.preparedQuery("SELECT count(*) FROM task WHERE tenant = $1 AND deployment_id = $2 "
                        + "AND last_status = 'STOPPED' AND stop_code IN ('EssentialContainerExited', 'TaskFailedToStart')")
                .execute(Tuple.of(tenant, deploymentId)).map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    /** Tasks of a host that are not STOPPED. */
    public Uni<List<Task>> liveOnHost(SqlClient client, String tenant, String hostId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM task WHERE tenant = $1 AND host_id = $2 "
                        + "AND last_status <> 'STOPPED' ORDER BY id FOR UPDATE")
                .execute(Tuple.of(tenant, hostId)).map(rows -> Rows.all(rows, TaskStore::row));
    }

    /** Applies an agent's report to a task of that host; empty when it changes nothing (or the task is not the host's). */
    public Uni<Optional<Task>> applyReport(String tenant, String hostId, AgentMessage.TaskStateReport report) {
        String id = Task.idOf(report.taskArn());
        return pool.withTransaction(client -> client.preparedQuery("SELECT " + COLUMNS + " FROM task WHERE tenant = $1 "
                        + "AND id = $2 AND host_id = $3 FOR UPDATE")
                .execute(Tuple.of(tenant, id, hostId))
                .chain(rows -> {
                    Optional<Task> task = Rows.first(rows, TaskStore::row);
                    if (task.isEmpty()) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    Optional<TaskProgress.Change> change = TaskProgress.apply(task.get(), report);
                    if (change.isEmpty()) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    return update(client, task.get(), change.get()).map(Optional::of);
                }));
    }

    /** Writes a change; a task that stops gives its room on the host back in the same transaction. */
    public Uni<Task> update(SqlClient client, Task task, TaskProgress.Change change) {
        Uni<Void> released = change.stoppedNow()
                ? hosts.release(client, task.tenant(), task.hostId(), task.cpu(), task.memory(), task.hostPorts())
                : Uni.createFrom().voidItem();
        return released.chain(ok -> client.preparedQuery("UPDATE task SET last_status = $3, desired_status = $4, "
                                + "health_status = $5, stop_code = $6, stopped_reason = $7, containers = $8, "
                                + "version = version + 1, updated_at = now(), "
                                + "started_at = CASE WHEN $3 = 'RUNNING' AND started_at IS NULL THEN now() ELSE started_at END, "
                                + "stopping_at = CASE WHEN $3 IN ('DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED') "
                                + "AND stopping_at IS NULL THEN now() ELSE stopping_at END, "
                                + "stopped_at = CASE WHEN $3 = 'STOPPED' AND stopped_at IS NULL THEN now() ELSE stopped_at END "
                                + "WHERE tenant = $1 AND id = $2 RETURNING " + COLUMNS)
                        .execute(Tuple.tuple().addString(task.tenant()).addString(task.id())
                                .addString(change.lastStatus().name()).addString(change.desiredStatus().name())
                                .addString(change.healthStatus()).addString(change.stopCode()).addString(change.stoppedReason())
                                .addValue(new JsonArray(change.containers().toString()))))
                .map(rows -> row(rows.iterator().next()));
    }

    /** Start commands up to {@code seq} reached the agent: those tasks are PENDING now. */
    public Uni<List<Task>> startsAcknowledged(SqlClient client, String tenant, String hostId, long seq) {
        return client.preparedQuery("UPDATE task SET last_status = 'PENDING', version = version + 1, updated_at = now() "
                        + "WHERE tenant = $1 AND host_id = $2 AND start_seq <= $3 AND last_status = 'PROVISIONING' "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, hostId, seq)).map(rows -> Rows.all(rows, TaskStore::row));
    }

    /**
     * ECS's StopTask: desiredStatus STOPPED with the reason; the agent moves lastStatus on. The task
     * leaves its group's placement counts now, so every replica's kept cluster state is told at commit.
     */
    public Uni<Task> markStopRequested(SqlClient client, Task task, String stopCode, String reason) {
        return client.preparedQuery("UPDATE task SET desired_status = 'STOPPED', stop_code = coalesce(stop_code, $3), "
                        + "stopped_reason = coalesce(stopped_reason, $4), version = version + 1, updated_at = now() "
                        + "WHERE tenant = $1 AND id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(task.tenant(), task.id(), stopCode, reason))
                .map(rows -> row(rows.iterator().next()))
                .chain(marked -> client.preparedQuery("SELECT pg_notify($1, $2)")
                        .execute(Tuple.of(ClusterStates.CHANNEL,
                                new PlacementNotice(new ClusterKey(task.tenant(), task.cluster()), "").payload()))
                        .replaceWith(marked));
    }

    static Task row(Row row) {
        return new Task(row.getString("tenant"), row.getString("id"), row.getString("cluster"), row.getString("host_id"),
                row.getString("task_definition_arn"), row.getString("family"), row.getString("grp"),
                row.getString("started_by"), row.getString("service_name"), row.getString("deployment_id"),
                TaskStatus.valueOf(row.getString("desired_status")), TaskStatus.valueOf(row.getString("last_status")),
                row.getString("health_status"), row.getString("stop_code"), row.getString("stopped_reason"),
                row.getInteger("cpu"), row.getInteger("memory"), List.of(row.getArrayOfStrings("host_ports")),
                json(row.getString("containers")), row.getString("overrides") == null ? null : json(row.getString("overrides")),
                row.getInteger("version"), instant(row, "created_at"), instant(row, "started_at"),
                instant(row, "stopping_at"), instant(row, "stopped_at"), instant(row, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static JsonNode json(String text) {
        try {
            return AgentMessages.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not JSON", e);
        }
    }

    static List<String> ids(List<Task> tasks) {
        List<String> ids = new ArrayList<>(tasks.size());
        tasks.forEach(t -> ids.add(t.id()));
        return ids;
    }
}
