package dev.berth.scheduler.clusters;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Clusters in PostgreSQL, always within one tenant. */
@ApplicationScoped
public class ClusterStore {

    private static final String COLUMNS = "tenant, name, status, created_at, allow_privileged_containers, allow_host_network";

    @Inject
    Pool pool;

    /** ECS's CreateCluster is idempotent: an ACTIVE cluster of that name is returned as it is; an INACTIVE one comes back. */
    public Uni<Cluster> create(String tenant, String name) {
        return create(tenant, name, (client, cluster) -> Uni.createFrom().voidItem());
    }

    /** As {@link #create(String, String)}, with what else belongs to the cluster written in the same transaction. */
    public Uni<Cluster> create(String tenant, String name, BiFunction<SqlClient, Cluster, Uni<Void>> alsoWrite) {
        return pool.withTransaction(client -> client.preparedQuery(
                        "INSERT INTO cluster (tenant, name) VALUES ($1, $2) "
                        + "ON CONFLICT (tenant, name) DO UPDATE SET status = 'ACTIVE', deleted_at = NULL, "
                        + "created_at = CASE WHEN cluster.status = 'ACTIVE' THEN cluster.created_at ELSE now() END "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, name))
                .map(rows -> row(rows.iterator().next()))
                .chain(cluster -> alsoWrite.apply(client, cluster).replaceWith(cluster)));
    }

    public Uni<Optional<Cluster>> find(String tenant, String name) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM cluster WHERE tenant = $1 AND name = $2")
                .execute(Tuple.of(tenant, name)).map(rows -> Rows.first(rows, ClusterStore::row));
    }

    /** The ACTIVE cluster of that name, or ClusterNotFoundException. */
    public Uni<Cluster> requireActive(String tenant, String name) {
        return find(tenant, name).map(found -> found.filter(c -> c.status() == ClusterStatus.ACTIVE)
                .orElseThrow(() -> Cluster.notFound(name)));
    }

    /** ACTIVE clusters in name order after {@code after}. */
    public Uni<List<Cluster>> list(String tenant, String after, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM cluster WHERE tenant = $1 "
                        + "AND status = 'ACTIVE' AND name > $2 ORDER BY name LIMIT $3")
                .execute(Tuple.of(tenant, after == null ? "" : after, limit))
                .map(rows -> Rows.all(rows, ClusterStore::row));
    }

    /** What runs in a cluster, as DescribeClusters counts it. */
    public record Counts(int hosts, int running, int pending, int services) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    public Uni<Counts> counts(String tenant, String name) {
        return pool.preparedQuery("SELECT "
                        + "(SELECT count(*) FROM host WHERE tenant = $1 AND cluster = $2 AND status <> 'INACTIVE') AS hosts, "
                        + "(SELECT count(*) FROM task WHERE tenant = $1 AND cluster = $2 AND last_status = 'RUNNING') AS running, "
                        + "(SELECT count(*) FROM task WHERE tenant = $1 AND cluster = $2 "
                        + "AND last_status IN ('PROVISIONING', 'PENDING', 'ACTIVATING')) AS pending, "
                        + "(SELECT count(*) FROM service WHERE tenant = $1 AND cluster = $2 AND status = 'ACTIVE') AS services")
                .execute(Tuple.of(tenant, name))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Counts(row.getLong("hosts").intValue(), row.getLong("running").intValue(),
                            row.getLong("pending").intValue(), row.getLong("services").intValue());
                });
    }

    /** Marks an ACTIVE cluster INACTIVE; empty when there is no ACTIVE cluster of that name. */
    public Uni<Optional<Cluster>> delete(String tenant, String name) {
        return pool.preparedQuery("UPDATE cluster SET status = 'INACTIVE', deleted_at = now() "
                        + "WHERE tenant = $1 AND name = $2 AND status = 'ACTIVE' RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, name)).map(rows -> Rows.first(rows, ClusterStore::row));
    }

    /** Changes what an ACTIVE cluster's tasks may do; empty when there is no ACTIVE cluster of that name. */
    public Uni<Optional<Cluster>> updateSecuritySettings(String tenant, String name, ClusterSecuritySettings settings) {
        return pool.preparedQuery("UPDATE cluster SET allow_privileged_containers = $3, "
                        + "allow_host_network = $4 WHERE tenant = $1 AND name = $2 AND status = 'ACTIVE' RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, name, settings.allowPrivilegedContainers(), settings.allowHostNetwork()))
                .map(rows -> Rows.first(rows, ClusterStore::row));
    }

    private static Cluster row(Row row) {
        return new Cluster(row.getString("tenant"), row.getString("name"), ClusterStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("created_at"), new ClusterSecuritySettings(
                row.getBoolean("allow_privileged_containers"), row.getBoolean("allow_host_network")));
    }
}
