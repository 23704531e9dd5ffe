package dev.berth.registry.lifecycle;

import dev.berth.common.db.Rows;
import dev.berth.registry.metadata.RegistryMetadata;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Lifecycle policies, previews and the images they judge, in the registry's schema. */
@ApplicationScoped
public class LifecycleStore {

    /** A stored policy's text and when it last ran. */
    public record StoredPolicy(String text, Optional<Instant> lastEvaluatedAt) {
    }

    /** A repository that has a policy. */
    public record Governed(long repositoryId, String tenant, String name, String policyText) {
    }

    @Inject
    Pool pool;

    public Uni<Void> put(long repositoryId, String text) {
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO lifecycle_policy (repository_id, policy_text) VALUES ($1, $2) "
                        + "ON CONFLICT (repository_id) DO UPDATE SET policy_text = $2, updated_at = now()")
                .execute(Tuple.of(repositoryId, text))).replaceWithVoid();
    }

    public Uni<Optional<StoredPolicy>> get(long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("SELECT policy_text, last_evaluated_at FROM lifecycle_policy "
                        + "WHERE repository_id = $1").execute(Tuple.of(repositoryId)))
                .map(rows -> Rows.first(rows, LifecycleStore::policy));
    }

    public Uni<Optional<StoredPolicy>> delete(long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM lifecycle_policy WHERE repository_id = $1 "
                        + "RETURNING policy_text, last_evaluated_at").execute(Tuple.of(repositoryId)))
                .map(rows -> Rows.first(rows, LifecycleStore::policy));
    }

    public Uni<Void> evaluated(long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("UPDATE lifecycle_policy SET last_evaluated_at = now() "
                + "WHERE repository_id = $1").execute(Tuple.of(repositoryId))).replaceWithVoid();
    }

    public Uni<Void> startPreview(long repositoryId, String text) {
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO lifecycle_preview (repository_id, policy_text) VALUES ($1, $2) "
                        + "ON CONFLICT (repository_id) DO UPDATE SET policy_text = $2, started_at = now()")
                .execute(Tuple.of(repositoryId, text))).replaceWithVoid();
    }

    public Uni<Optional<String>> preview(long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("SELECT policy_text FROM lifecycle_preview WHERE repository_id = $1")
                        .execute(Tuple.of(repositoryId)))
                .map(rows -> Rows.first(rows, row -> row.getString(0)));
    }

    public Uni<List<Governed>> governed() {
        return UniHelper.toUni(pool.preparedQuery("SELECT r.id, r.tenant, r.name, p.policy_text FROM lifecycle_policy p "
                        + "JOIN repository r ON r.id = p.repository_id ORDER BY r.id").execute())
                .map(rows -> Rows.all(rows,
                        row -> new Governed(row.getLong(0), row.getString(1), row.getString(2), row.getString(3))));
    }

    /**
     * The images a policy judges: the repository's manifests, except those that only exist as
     * part of another (the children of an index) or as an attachment to another (a subject).
     */
    public Uni<List<LifecycleImage>> images(long repositoryId) {
        String sql = "SELECT m.digest, m.pushed_at, m.last_pulled_at, " + RegistryMetadata.TAGS_OF_MANIFEST
                + " FROM manifest m WHERE m.repository_id = $1 AND m.subject IS NULL AND NOT EXISTS ("
                + "SELECT 1 FROM manifest_reference r WHERE r.repository_id = m.repository_id AND r.digest = m.digest "
                + "AND r.kind = 'manifest')";
        return UniHelper.toUni(pool.preparedQuery(sql).execute(Tuple.of(repositoryId)))
                .map(rows -> Rows.all(rows, LifecycleStore::image));
    }

    private static LifecycleImage image(Row row) {
        OffsetDateTime pulled = row.getOffsetDateTime(2);
        return new LifecycleImage(row.getString(0), Arrays.asList(row.getArrayOfStrings(3)),
                row.getOffsetDateTime(1).toInstant(), Optional.ofNullable(pulled).map(OffsetDateTime::toInstant));
    }

    private static StoredPolicy policy(Row row) {
        OffsetDateTime evaluated = row.getOffsetDateTime(1);
        return new StoredPolicy(row.getString(0), Optional.ofNullable(evaluated).map(OffsetDateTime::toInstant));
    }
}
