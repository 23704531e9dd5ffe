package dev.berth.scheduler.taskdefinitions;

import dev.berth.common.error.InvalidInputException;
import dev.berth.common.db.Rows;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Task definition revisions in PostgreSQL, always within one tenant. */
@ApplicationScoped
public class TaskDefinitionStore {

    private static final String COLUMNS = "tenant, family, revision, status, document::text AS document, cpu, memory, "
            + "registered_at, registered_by, deregistered_at";

    @Inject
    Pool pool;

    /** The next revision of the family; registrations of one family queue on an advisory lock. */
    public Uni<StoredTaskDefinition> register(String tenant, String family, String document, int cpu, int memory,
                                              String registeredBy) {
        return register(tenant, family, document, cpu, memory, registeredBy, (client, stored) -> Uni.createFrom().voidItem());
    }

    /** As the other, with what else belongs to the new revision written in the same transaction. */
    public Uni<StoredTaskDefinition> register(String tenant, String family, String document, int cpu, int memory,
                                              String registeredBy,
                                              BiFunction<SqlClient, StoredTaskDefinition, Uni<Void>> alsoWrite) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("task-definition/" + tenant + "/" + family))
                .chain(locked -> connection.preparedQuery("INSERT INTO task_definition "
                                + "(tenant, family, revision, document, cpu, memory, registered_by) "
                                + "SELECT $1, $2, coalesce(max(revision), 0) + 1, $3, $4, $5, $6 FROM task_definition "
                                + "WHERE tenant = $1 AND family = $2 RETURNING " + COLUMNS)
                        .execute(Tuple.of(tenant, family, new JsonObject(document), cpu, memory, registeredBy)))
                .map(rows -> row(rows.iterator().next()))
                .chain(stored -> alsoWrite.apply(connection, stored).replaceWith(stored)));
    }

    /**
     * The ACTIVE revision a user names to run tasks, create a service or plan: as in ECS, an
     * INACTIVE revision runs no new tasks. Otherwise InvalidParameterException naming taskDefinition.
     */
    public Uni<StoredTaskDefinition> requireActive(String tenant, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("taskDefinition", "the family, family:revision or ARN is required");
        }
        return resolve(tenant, TaskDefinitionReference.parse(reference)).map(found -> found
                .filter(d -> d.status() == TaskDefinitionStatus.ACTIVE)
                .orElseThrow(() -> new InvalidInputException("taskDefinition", "no ACTIVE task "
                        + "definition '" + reference + "' (an INACTIVE revision runs no new tasks)")));
    }

    /** The revision a reference names: the latest ACTIVE one when it names only the family. */
    public Uni<Optional<StoredTaskDefinition>> resolve(String tenant, TaskDefinitionReference reference) {
        return reference.revision() == null ? latestActive(tenant, reference.family())
                : find(tenant, reference.family(), reference.revision());
    }

    public Uni<Optional<StoredTaskDefinition>> find(String tenant, String family, int revision) {
        return one("SELECT " + COLUMNS + " FROM task_definition WHERE tenant = $1 AND family = $2 AND revision = $3",
                Tuple.of(tenant, family, revision));
    }

    /** ECS: a family without a revision means its latest ACTIVE one. */
    public Uni<Optional<StoredTaskDefinition>> latestActive(String tenant, String family) {
        return one("SELECT " + COLUMNS + " FROM task_definition WHERE tenant = $1 AND family = $2 AND status = 'ACTIVE' "
                + "ORDER BY revision DESC LIMIT 1", Tuple.of(tenant, family));
    }

    /** Revisions in (family, revision) order after the given position, optionally one status and a family prefix. */
    public Uni<List<StoredTaskDefinition>> list(String tenant, String familyPrefix, TaskDefinitionStatus status,
                                                 String afterFamily,
                                                int afterRevision, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM task_definition WHERE tenant = $1 AND family LIKE $2 "
                + "AND ($3::text IS NULL OR status = $3) AND (family, revision) > ($4, $5) "
                + "ORDER BY family, revision LIMIT $6";
        String like = (familyPrefix == null ? "" : familyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return pool.preparedQuery(sql).execute(Tuple.tuple().addString(tenant).addString(like)
                        .addString(status == null ? null : status.name())
                        .addString(afterFamily == null ? "" : afterFamily).addInteger(afterRevision)
                        .addInteger(limit))
                .map(rows -> Rows.all(rows, TaskDefinitionStore::row));
    }

    /** Marks an ACTIVE revision INACTIVE; empty when there is no such ACTIVE revision. */
    public Uni<Optional<StoredTaskDefinition>> deregister(String tenant, String family, int revision) {
        return one("UPDATE task_definition SET status = 'INACTIVE', deregistered_at = now() "
                + "WHERE tenant = $1 AND family = $2 AND revision = $3 AND status = 'ACTIVE' RETURNING " + COLUMNS,
                Tuple.of(tenant, family, revision));
    }

    private Uni<Optional<StoredTaskDefinition>> one(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments)
                .map(rows -> Rows.first(rows, TaskDefinitionStore::row));
    }

    private static StoredTaskDefinition row(Row row) {
        return new StoredTaskDefinition(row.getString("tenant"), row.getString("family"), row.getInteger("revision"),
                TaskDefinitionStatus.valueOf(row.getString("status")), row.getString("document"), row.getInteger("cpu"),
                row.getInteger("memory"),
                row.getOffsetDateTime("registered_at"), row.getString("registered_by"),
                row.getOffsetDateTime("deregistered_at"));
    }
}
