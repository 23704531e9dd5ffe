package dev.berth.autoscaler.ecsmetrics;

import dev.berth.autoscaler.ecsmetrics.EcsWindowInput.TenantCluster;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clusters' hosts and tasks and the agents' task samples in PostgreSQL. Every write is
 * idempotent: a task change never replaces a newer version, a host change never a later event, a
 * sample delivered again is the same row.
 */
@ApplicationScoped
public class EcsStateStore {

    /** A sample row with its tenant. */
    public record StoredSample(String tenant, TaskSample sample) {
    }

    @Inject
    Pool pool;

    public Uni<Void> putTask(TaskStateUpdate t) {
        return pool.preparedQuery("INSERT INTO ecs_task AS e (tenant, cluster, task_id, service_name, family, "
                        + "task_definition_arn, last_status, desired_status, version, running_since, running_until) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (tenant, cluster, task_id) "
                        + "DO UPDATE SET service_name = excluded.service_name, family = excluded.family, "
                        + "task_definition_arn = excluded.task_definition_arn, last_status = excluded.last_status, "
                        + "desired_status = excluded.desired_status, version = excluded.version, "
                        + "running_since = coalesce(excluded.running_since, e.running_since), "
                        + "running_until = excluded.running_until WHERE e.version <= excluded.version")
                .execute(Tuple.tuple().addString(t.tenant()).addString(t.clusterName()).addString(t.taskId())
                        .addString(t.serviceName()).addString(t.family()).addString(t.taskDefinitionArn())
                        .addString(t.lastStatus()).addString(t.desiredStatus()).addLong(t.version())
                        .addOffsetDateTime(time(t.runningSince())).addOffsetDateTime(time(t.runningUntil())))
                .replaceWithVoid();
    }

    public Uni<Void> putHost(HostStateUpdate h) {
        HostCapacity c = h.host();
        return pool.preparedQuery("INSERT INTO ecs_host AS e (tenant, cluster, host_id, status, registered_cpu, "
                        + "registered_memory, reserved_cpu, reserved_memory, event_time) VALUES ($1, $2, $3, $4, $5, $6, "
                        + "$7, $8, $9) ON CONFLICT (tenant, cluster, host_id) DO UPDATE SET status = excluded.status, "
                        + "registered_cpu = excluded.registered_cpu, registered_memory = excluded.registered_memory, "
                        + "reserved_cpu = excluded.reserved_cpu, reserved_memory = excluded.reserved_memory, "
                        + "event_time = excluded.event_time WHERE e.event_time <= excluded.event_time")
                .execute(Tuple.tuple().addString(h.tenant()).addString(h.clusterName())
                        .addString(c.containerInstanceId()).addString(c.status().name()).addInteger(c.registeredCpu())
                        .addInteger(c.registeredMemory()).addInteger(c.reservedCpu()).addInteger(c.reservedMemory())
                        .addOffsetDateTime(time(h.at())))
                .replaceWithVoid();
    }

    public Uni<Void> putSamples(List<StoredSample> samples) {
        if (samples.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = samples.size();
        String[] tenants = new String[n];
        String[] clusters = new String[n];
        String[] tasks = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] services = new String[n];
        String[] families = new String[n];
        Double[] cpuUtilized = new Double[n];
        Double[] cpuReserved = new Double[n];
        Double[] memoryUtilized = new Double[n];
        Double[] memoryReserved = new Double[n];
        for (int i = 0; i < n; i++) {
            TaskSample s = samples.get(i).sample();
            tenants[i] = samples.get(i).tenant();
            clusters[i] = s.clusterName();
            tasks[i] = s.taskId();
            at[i] = time(s.at());
            services[i] = s.serviceName();
            families[i] = s.taskDefinitionFamily();
            cpuUtilized[i] = s.cpuUtilized();
            cpuReserved[i] = s.cpuReserved();
            memoryUtilized[i] = s.memoryUtilized();
            memoryReserved[i] = s.memoryReserved();
        }
        return pool.preparedQuery("INSERT INTO ecs_task_sample (tenant, cluster, task_id, at, service_name, family, "
                        + "cpu_utilized, cpu_reserved, memory_utilized, memory_reserved) SELECT * FROM unnest($1::text[], "
                        + "$2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::float8[], $8::float8[], "
                        + "$9::float8[], $10::float8[]) ON CONFLICT DO NOTHING")
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(clusters).addArrayOfString(tasks)
                        .addArrayOfOffsetDateTime(at).addArrayOfString(services).addArrayOfString(families)
                        .addArrayOfDouble(cpuUtilized).addArrayOfDouble(cpuReserved).addArrayOfDouble(memoryUtilized)
                        .addArrayOfDouble(memoryReserved))
                .replaceWithVoid();
    }

    /** Every task that is not over, or that was RUNNING at some time after {@code since}. */
    public Uni<List<EcsWindowInput.Task>> tasks(Instant since) {
        return pool.preparedQuery("SELECT tenant, cluster, task_id, service_name, task_definition_arn, last_status, "
                        + "running_since, running_until FROM ecs_task WHERE last_status <> 'STOPPED' "
                        + "OR running_until > $1")
                .execute(Tuple.of(time(since)))
                .map(rows -> Rows.all(rows, r -> new EcsWindowInput.Task(cluster(r), r.getString("task_id"),
                        r.getString("service_name"), r.getString("task_definition_arn"), r.getString("last_status"),
                        instant(r, "running_since"), instant(r, "running_until"))));
    }

    /** The hosts that are not INACTIVE, per cluster. */
    public Uni<Map<TenantCluster, List<HostCapacity>>> hosts() {
        return pool.preparedQuery("SELECT tenant, cluster, host_id, status, registered_cpu, registered_memory, "
                        + "reserved_cpu, reserved_memory FROM ecs_host WHERE status <> 'INACTIVE'")
                .execute()
                .map(rows -> {
                    Map<TenantCluster, List<HostCapacity>> hosts = new HashMap<>();
                    rows.forEach(r -> hosts.computeIfAbsent(cluster(r), c -> new ArrayList<>()).add(new HostCapacity(
                            r.getString("host_id"), HostStatus.valueOf(r.getString("status")),
                            r.getInteger("registered_cpu"), r.getInteger("registered_memory"),
                            r.getInteger("reserved_cpu"), r.getInteger("reserved_memory"))));
                    return hosts;
                });
    }

    /** The samples taken in [from, to), per cluster. */
    public Uni<Map<TenantCluster, List<TaskSample>>> samples(Instant from, Instant to) {
        return pool.preparedQuery("SELECT tenant, cluster, task_id, at, service_name, family, cpu_utilized, "
                        + "cpu_reserved, memory_utilized, memory_reserved FROM ecs_task_sample WHERE at >= $1 AND at < $2")
                .execute(Tuple.of(time(from), time(to)))
                .map(rows -> {
                    Map<TenantCluster, List<TaskSample>> samples = new HashMap<>();
                    rows.forEach(r -> samples.computeIfAbsent(cluster(r), c -> new ArrayList<>()).add(new TaskSample(
                            r.getString("cluster"), r.getString("service_name"), r.getString("task_id"),
                            r.getString("family"), instant(r, "at"), r.getDouble("cpu_utilized"),
                            r.getDouble("cpu_reserved"), r.getDouble("memory_utilized"),
                            r.getDouble("memory_reserved"))));
                    return samples;
                });
    }

    private static TenantCluster cluster(Row row) {
        return new TenantCluster(row.getString("tenant"), row.getString("cluster"));
    }

    public Uni<Optional<Instant>> closedUntil(int windowSeconds) {
        return pool.preparedQuery("SELECT closed_until FROM ecs_window_cursor WHERE window_seconds = $1")
                .execute(Tuple.of(windowSeconds))
                .map(rows -> Rows.first(rows, r -> instant(r, "closed_until")));
    }

    /** Moves the cursor from {@code from} (none: first run) to {@code to}; false when another instance moved it. */
    public Uni<Boolean> moveCursor(int windowSeconds, Optional<Instant> from, Instant to) {
        Uni<Integer> moved = from.isEmpty()
                ? pool.preparedQuery("INSERT INTO ecs_window_cursor (window_seconds, closed_until) VALUES ($1, $2) "
                        + "ON CONFLICT DO NOTHING").execute(Tuple.of(windowSeconds, time(to))).map(r -> r.rowCount())
                : pool.preparedQuery("UPDATE ecs_window_cursor SET closed_until = $3 WHERE window_seconds = $1 "
                        + "AND closed_until = $2").execute(Tuple.of(windowSeconds, time(from.get()), time(to)))
                        .map(r -> r.rowCount());
        return moved.map(count -> count == 1);
    }

    /** Forgets samples taken before {@code samplesBefore} and tasks that stopped before {@code tasksBefore}. */
    public Uni<Void> forget(Instant samplesBefore, Instant tasksBefore) {
        return pool.preparedQuery("DELETE FROM ecs_task_sample WHERE at < $1").execute(Tuple.of(time(samplesBefore)))
                .chain(() -> pool.preparedQuery("DELETE FROM ecs_task WHERE last_status = 'STOPPED' "
                        + "AND (running_until IS NULL OR running_until < $1)").execute(Tuple.of(time(tasksBefore))))
                .replaceWithVoid();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
