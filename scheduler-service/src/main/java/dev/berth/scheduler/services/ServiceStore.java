package dev.berth.scheduler.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.protocol.AgentMessages;
import dev.berth.common.db.Rows;
import dev.berth.scheduler.deployments.DeploymentConfiguration;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/** Services, deployments and service events in PostgreSQL, always within one tenant. */
@ApplicationScoped
public class ServiceStore {

    private static final String COLUMNS = "tenant, cluster, name, status, scheduling_strategy, desired_count, "
            + "task_definition_arn, minimum_healthy_percent, maximum_percent, circuit_breaker_enable, "
            + "circuit_breaker_rollback, placement_constraints::text AS placement_constraints, "
            + "placement_strategy::text AS placement_strategy, health_check_grace_seconds, steady, "
            + "last_placement_failure, last_placement_failure_at, created_at, created_by";
    private static final String DEPLOYMENT_COLUMNS = "tenant, id, cluster, service_name, status, task_definition_arn, "
            + "rollout_state, rollout_state_reason, failed_tasks, rollback_of, created_at, updated_at";

    @Inject
    Pool pool;

    /** A new service with its first (PRIMARY) deployment; empty when an ACTIVE or DRAINING one has the name. */
    public Uni<Optional<Service>> create(Service service) {
        return create(service, (client, created) -> Uni.createFrom().voidItem());
    }

    /** As {@link #create(Service)}, with what else belongs to the new service written in the same transaction. */
    public Uni<Optional<Service>> create(Service service, BiFunction<SqlClient, Service, Uni<Void>> alsoWrite) {
        return pool.withTransaction(client -> client.preparedQuery("INSERT INTO service (tenant, cluster, name, "
                        + "scheduling_strategy, desired_count, task_definition_arn, minimum_healthy_percent, maximum_percent, "
                        + "circuit_breaker_enable, circuit_breaker_rollback, placement_constraints, placement_strategy, "
                        + "health_check_grace_seconds, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                        + "$13, $14) ON CONFLICT (tenant, cluster, name) DO UPDATE SET status = 'ACTIVE', "
                        + "scheduling_strategy = EXCLUDED.scheduling_strategy, desired_count = EXCLUDED.desired_count, "
                        + "task_definition_arn = EXCLUDED.task_definition_arn, "
                        + "minimum_healthy_percent = EXCLUDED.minimum_healthy_percent, maximum_percent = EXCLUDED.maximum_percent, "
                        + "circuit_breaker_enable = EXCLUDED.circuit_breaker_enable, "
                        + "circuit_breaker_rollback = EXCLUDED.circuit_breaker_rollback, "
                        + "placement_constraints = EXCLUDED.placement_constraints, placement_strategy = EXCLUDED.placement_strategy, "
                        + "health_check_grace_seconds = EXCLUDED.health_check_grace_seconds, steady = false, "
                        + "created_at = now(), created_by = EXCLUDED.created_by, deleted_at = NULL "
                        + "WHERE service.status = 'INACTIVE' RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addString(service.tenant()).addString(service.cluster()).addString(service.name())
                        .addString(service.schedulingStrategy().name()).addInteger(service.desiredCount())
                        .addString(service.taskDefinitionArn()).addInteger(service.bounds().minimumHealthyPercent())
                        .addInteger(service.bounds().maximumPercent()).addBoolean(service.circuitBreaker())
                        .addBoolean(service.rollback()).addValue(new JsonArray(service.placementConstraints().toString()))
                        .addValue(new JsonArray(service.placementStrategy().toString()))
                        .addInteger(service.healthCheckGraceSeconds()).addString(service.createdBy()))
                .chain(rows -> {
                    Optional<Service> created = Rows.first(rows, ServiceStore::row);
                    if (created.isEmpty()) {
                        return Uni.createFrom().item(created);
                    }
                    return newDeployment(client, created.get(), service.taskDefinitionArn(), null)
                            .chain(deployment -> alsoWrite.apply(client, created.get())).replaceWith(created);
                }));
    }

    /** Makes a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE (it is rolled away). */
    public Uni<Deployment> newDeployment(SqlClient client, Service service, String taskDefinitionArn, String rollbackOf) {
        String id = "ecs-svc/" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        return client.preparedQuery("UPDATE deployment SET status = 'ACTIVE', updated_at = now(), "
                        + "rollout_state = CASE WHEN rollout_state = 'IN_PROGRESS' THEN 'FAILED' ELSE rollout_state END, "
                        + "rollout_state_reason = CASE WHEN rollout_state = 'IN_PROGRESS' "
                        + "THEN 'replaced by a newer deployment' ELSE rollout_state_reason END "
                        + "WHERE tenant = $1 AND cluster = $2 AND service_name = $3 AND status = 'PRIMARY'")
                .execute(Tuple.of(service.tenant(), service.cluster(), service.name()))
                .chain(ok -> client.preparedQuery("INSERT INTO deployment (tenant, id, cluster, service_name, status, "
                                + "task_definition_arn, rollback_of) VALUES ($1, $2, $3, $4, 'PRIMARY', $5, $6) RETURNING "
                                + DEPLOYMENT_COLUMNS)
                        .execute(Tuple.of(service.tenant(), id, service.cluster(), service.name(), taskDefinitionArn,
                                rollbackOf)))
                .chain(rows -> client.preparedQuery("UPDATE service SET task_definition_arn = $4, steady = false "
                                + "WHERE tenant = $1 AND cluster = $2 AND name = $3")
                        .execute(Tuple.of(service.tenant(), service.cluster(), service.name(), taskDefinitionArn))
                        .replaceWith(rows.iterator().next()))
                .map(ServiceStore::deployment);
    }

    public Uni<Optional<Service>> find(SqlClient client, String tenant, String cluster, String name) {
        return one(client, tenant, cluster, name, "");
    }

    public Uni<Optional<Service>> find(String tenant, String cluster, String name) {
        return find(pool, tenant, cluster, name);
    }

    public Uni<List<Service>> list(String tenant, String cluster, String after, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM service WHERE tenant = $1 AND cluster = $2 "
                        + "AND status <> 'INACTIVE' AND name > $3 ORDER BY name LIMIT $4")
                .execute(Tuple.of(tenant, cluster, after == null ? "" : after, limit))
                .map(rows -> Rows.all(rows, ServiceStore::row));
    }

    /** Services the reconciler looks after: every one not yet INACTIVE, of every tenant. */
    public Uni<List<Service>> live() {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM service WHERE status <> 'INACTIVE'")
                .execute().map(rows -> Rows.all(rows, ServiceStore::row));
    }

    /** The service, its row locked until the transaction ends. */
    public Uni<Optional<Service>> lock(SqlClient client, String tenant, String cluster, String name) {
        return one(client, tenant, cluster, name, " FOR UPDATE");
    }

    private Uni<Optional<Service>> one(SqlClient client, String tenant, String cluster, String name, String lock) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM service WHERE tenant = $1 AND cluster = $2 AND name = $3"
                        + lock).execute(Tuple.of(tenant, cluster, name)).map(rows -> Rows.first(rows, ServiceStore::row));
    }

    /** Only the desired count changes (the autoscaler's decisions); the reconciler starts or stops tasks. */
    public Uni<Void> setDesiredCount(SqlClient client, Service service, int count) {
        return client.preparedQuery("UPDATE service SET desired_count = $4, steady = false "
                        + "WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(service.tenant(), service.cluster(), service.name(), count)).replaceWithVoid();
    }

    public Uni<Service> update(SqlClient client, Service service) {
        return client.preparedQuery("UPDATE service SET desired_count = $4, minimum_healthy_percent = $5, "
                        + "maximum_percent = $6, circuit_breaker_enable = $7, circuit_breaker_rollback = $8, "
                        + "placement_constraints = $9, placement_strategy = $10, health_check_grace_seconds = $11, "
                        + "steady = false WHERE tenant = $1 AND cluster = $2 AND name = $3 RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addString(service.tenant()).addString(service.cluster()).addString(service.name())
                        .addInteger(service.desiredCount()).addInteger(service.bounds().minimumHealthyPercent())
                        .addInteger(service.bounds().maximumPercent()).addBoolean(service.circuitBreaker())
                        .addBoolean(service.rollback()).addValue(new JsonArray(service.placementConstraints().toString()))
                        .addValue(new JsonArray(service.placementStrategy().toString()))
                        .addInteger(service.healthCheckGraceSeconds()))
                .map(rows -> row(rows.iterator().next()));
    }

    public Uni<Void> setStatus(String tenant, String cluster, String name, ServiceStatus status) {
        return pool.preparedQuery("UPDATE service SET status = $4, desired_count = CASE WHEN $4 = 'ACTIVE' "
                        + "THEN desired_count ELSE 0 END, deleted_at = CASE WHEN $4 = 'ACTIVE' THEN NULL ELSE now() END "
                        + "WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(tenant, cluster, name, status.name())).replaceWithVoid();
    }

    public Uni<Void> setSteady(Service service, boolean steady) {
        return pool.preparedQuery("UPDATE service SET steady = $4 WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(service.tenant(), service.cluster(), service.name(), steady)).replaceWithVoid();
    }

    public Uni<Void> placementFailed(Service service, String message) {
        return pool.preparedQuery("UPDATE service SET last_placement_failure = $4, last_placement_failure_at = now() "
                        + "WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(service.tenant(), service.cluster(), service.name(), message)).replaceWithVoid();
    }

    /** Deployments not yet INACTIVE, oldest first. */
    public Uni<List<Deployment>> deployments(String tenant, String cluster, String service, boolean includeInactive) {
        return pool.preparedQuery("SELECT " + DEPLOYMENT_COLUMNS + " FROM deployment WHERE tenant = $1 AND cluster = $2 "
                        + "AND service_name = $3 AND ($4 OR status <> 'INACTIVE') ORDER BY created_at")
                .execute(Tuple.of(tenant, cluster, service, includeInactive))
                .map(rows -> Rows.all(rows, ServiceStore::deployment));
    }

    /** Whether a deployment of the service is still rolling out (ECS holds scale-in meanwhile). */
    public Uni<Boolean> deploymentInProgress(SqlClient client, String tenant, String cluster, String service) {
        return client.preparedQuery("SELECT EXISTS (SELECT 1 FROM deployment WHERE tenant = $1 AND cluster = $2 "
                        + "AND service_name = $3 AND status <> 'INACTIVE' AND rollout_state = 'IN_PROGRESS')")
                .execute(Tuple.of(tenant, cluster, service)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Void> updateDeployment(Deployment deployment, DeploymentStatus status, RolloutState rolloutState,
                                         String reason, int failedTasks) {
        return pool.preparedQuery("UPDATE deployment SET status = $3, rollout_state = $4, rollout_state_reason = $5, "
                        + "failed_tasks = $6, updated_at = now() WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(deployment.tenant(), deployment.id(), status.name(), rolloutState.name(), reason, failedTasks))
                .replaceWithVoid();
    }

    public Uni<Void> addEvent(Service service, String message) {
        return pool.preparedQuery("INSERT INTO service_event (tenant, cluster, service_name, id, message) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(service.tenant(), service.cluster(), service.name(), UUID.randomUUID().toString(),
                        message)).replaceWithVoid();
    }

    /** Adds the event unless the service had the same message within {@code every}; true when added. */
    public Uni<Boolean> addEventUnlessRecent(Service service, String message, Duration every) {
        return pool.preparedQuery("INSERT INTO service_event (tenant, cluster, service_name, id, message) "
                        + "SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM service_event WHERE tenant = $1 "
                        + "AND cluster = $2 AND service_name = $3 AND message = $5 "
                        + "AND created_at > now() - make_interval(secs => $6))")
                .execute(Tuple.of(service.tenant(), service.cluster(), service.name(), UUID.randomUUID().toString(),
                        message, (double) every.toSeconds()))
                .map(rows -> rows.rowCount() == 1);
    }

    public record ServiceEvent(String id, Instant createdAt, String message) {
    }

    /** The latest 100 events, newest first, as ECS shows them. */
    public Uni<List<ServiceEvent>> events(String tenant, String cluster, String service) {
        return pool.preparedQuery("SELECT id, created_at, message FROM service_event WHERE tenant = $1 AND cluster = $2 "
                        + "AND service_name = $3 ORDER BY created_at DESC LIMIT 100")
                .execute(Tuple.of(tenant, cluster, service))
                .map(rows -> Rows.all(rows, r -> new ServiceEvent(r.getString("id"),
                        r.getOffsetDateTime("created_at").toInstant(), r.getString("message"))));
    }

    static Service row(Row row) {
        return new Service(row.getString("tenant"), row.getString("cluster"), row.getString("name"),
                ServiceStatus.valueOf(row.getString("status")),
                SchedulingStrategy.valueOf(row.getString("scheduling_strategy")), row.getInteger("desired_count"),
                row.getString("task_definition_arn"),
                new DeploymentConfiguration(row.getInteger("minimum_healthy_percent"), row.getInteger("maximum_percent")),
                row.getBoolean("circuit_breaker_enable"), row.getBoolean("circuit_breaker_rollback"),
                json(row.getString("placement_constraints")), json(row.getString("placement_strategy")),
                row.getInteger("health_check_grace_seconds"), row.getBoolean("steady"),
                row.getString("last_placement_failure"), instant(row.getOffsetDateTime("last_placement_failure_at")),
                instant(row.getOffsetDateTime("created_at")), row.getString("created_by"));
    }

    static Deployment deployment(Row row) {
        return new Deployment(row.getString("tenant"), row.getString("id"), row.getString("cluster"),
                row.getString("service_name"), DeploymentStatus.valueOf(row.getString("status")),
                row.getString("task_definition_arn"), RolloutState.valueOf(row.getString("rollout_state")),
                row.getString("rollout_state_reason"), row.getInteger("failed_tasks"),
                row.getString("rollback_of"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static JsonNode json(String text) {
        try {
            return AgentMessages.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
