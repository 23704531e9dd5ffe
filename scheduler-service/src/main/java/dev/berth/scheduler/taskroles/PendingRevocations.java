package dev.berth.scheduler.taskroles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Revocations the gateway has not confirmed yet, in PostgreSQL so that none is forgotten by a restart. */
@ApplicationScoped
public class PendingRevocations {

    /** A claimed row is not handed to another replica for this long (the call's own timeout is shorter). */
    static final Duration CLAIM = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    /** Records a revocation to make; one already pending stays as it is. */
    public Uni<Revocation> add(SqlClient client, Revocation.Kind kind, String tenant, String subjectId) {
        return client.preparedQuery("INSERT INTO pending_revocation (kind, tenant, subject_id) VALUES ($1, $2, $3) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(kind.name(), tenant, subjectId))
                .map(rows -> new Revocation(kind, tenant, subjectId, 0));
    }

    public Uni<Revocation> add(Revocation.Kind kind, String tenant, String subjectId) {
        return add(pool, kind, tenant, subjectId);
    }

    /** Up to {@code limit} revocations due now, each held back from other replicas for {@link #CLAIM}. */
    public Uni<List<Revocation>> claimDue(int limit) {
        return pool.preparedQuery("UPDATE pending_revocation p SET next_attempt_at = now() + make_interval(secs => $2) "
                        + "FROM (SELECT kind, tenant, subject_id FROM pending_revocation WHERE next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due "
                        + "WHERE p.kind = due.kind AND p.tenant = due.tenant AND p.subject_id = due.subject_id "
                        + "RETURNING p.kind, p.tenant, p.subject_id, p.attempts")
                .execute(Tuple.of(limit, (double) CLAIM.toSeconds()))
                .map(rows -> {
                    List<Revocation> due = new ArrayList<>();
                    rows.forEach(row -> due.add(row(row)));
                    return due;
                });
    }

    /** The gateway confirmed it. */
    public Uni<Void> done(Revocation revocation) {
        return pool.preparedQuery("DELETE FROM pending_revocation WHERE kind = $1 AND tenant = $2 AND subject_id = $3")
                .execute(Tuple.of(revocation.kind().name(), revocation.tenant(), revocation.subjectId()))
                .replaceWithVoid();
    }

    /** The call failed: one attempt more, the next after {@link RevocationBackoff}. */
    public Uni<Void> failed(Revocation revocation, String error) {
        int attempts = revocation.attempts() + 1;
        return pool.preparedQuery("UPDATE pending_revocation SET attempts = $4, last_error = $5, "
                        + "next_attempt_at = now() + make_interval(secs => $6) "
                        + "WHERE kind = $1 AND tenant = $2 AND subject_id = $3")
                .execute(Tuple.of(revocation.kind().name(), revocation.tenant(), revocation.subjectId(), attempts,
                        error == null ? "" : error.substring(0, Math.min(error.length(), 500)),
                        (double) RevocationBackoff.after(attempts).toSeconds()))
                .replaceWithVoid();
    }

    private static Revocation row(Row row) {
        return new Revocation(Revocation.Kind.valueOf(row.getString("kind")), row.getString("tenant"),
                row.getString("subject_id"), row.getInteger("attempts"));
    }
}
