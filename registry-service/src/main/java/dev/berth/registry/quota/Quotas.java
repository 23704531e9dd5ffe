package dev.berth.registry.quota;

import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.digest.Digest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A tenant's stored bytes (each blob counted once, however many of its repositories use it) and
 * the check that a new blob fits its quota. Concurrent pushes are checked one by one, so they
 * can overshoot the limit by what is in flight at the same moment.
 */
@ApplicationScoped
public class Quotas {

    private static final String USAGE = "SELECT coalesce(sum(b.size), 0) FROM blob b WHERE EXISTS (SELECT 1 FROM "
            + "repository_blob rb JOIN repository r ON r.id = rb.repository_id WHERE rb.digest = b.digest AND r.tenant = $1)";

    @Inject
    Pool pool;

    @Inject
    RegistryConfig config;

    public OptionalLong limitOf(String tenant) {
        return config.quota().limitOf(tenant);
    }

    public Uni<Long> usage(String tenant) {
        return UniHelper.toUni(pool.preparedQuery(USAGE).execute(Tuple.of(tenant)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * How many bytes the upload {@code uploadId} of the tenant may hold in all (never negative):
     * the quota less what the tenant stores and what its other open uploads hold. Empty when
     * there is no bound: the tenant has no quota, or already stores the blob the upload says it
     * will be ({@code digest}, when known up front), which then costs nothing.
     */
    public Uni<OptionalLong> room(String tenant, Digest digest, UUID uploadId) {
        OptionalLong limit = config.quota().limitOf(tenant);
        if (limit.isEmpty()) {
            return Uni.createFrom().item(OptionalLong.empty());
        }
        Future<Boolean> stored = digest == null ? Future.succeededFuture(false) : stores(pool, tenant, digest);
        return UniHelper.toUni(stored.compose(free -> free ? Future.succeededFuture(OptionalLong.empty())
                : pool.preparedQuery("SELECT (" + USAGE + ") + coalesce((SELECT sum(u.received) FROM upload u "
                                + "JOIN repository r ON r.id = u.repository_id WHERE r.tenant = $1 AND u.id <> $2 "
                                + "AND u.expires_at > now()), 0)")
                        .execute(Tuple.of(tenant, uploadId))
                        .map(rows -> OptionalLong.of(Math.max(0, limit.getAsLong() - rows.iterator().next().getLong(0))))));
    }

    private static Future<Boolean> stores(SqlClient c, String tenant, Digest digest) {
        return c.preparedQuery("SELECT 1 FROM repository_blob rb JOIN repository r ON r.id = rb.repository_id "
                        + "WHERE rb.digest = $2 AND r.tenant = $1").execute(Tuple.of(tenant, digest.toString()))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Fails with {@link QuotaExceededException} when a blob new to the tenant would not fit. */
    public Uni<Void> check(SqlClient c, String tenant, Digest digest, long size) {
        OptionalLong limit = config.quota().limitOf(tenant);
        if (limit.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return UniHelper.toUni(stores(c, tenant, digest)
                .compose(known -> known ? Future.succeededFuture()
                        : c.preparedQuery(USAGE).execute(Tuple.of(tenant)).compose(rows -> {
                            long used = rows.iterator().next().getLong(0);
                            return used + size <= limit.getAsLong() ? Future.succeededFuture()
                                    : Future.<Void>failedFuture(new QuotaExceededException(tenant, used, size,
                                            limit.getAsLong()));
                        })));
    }
}
