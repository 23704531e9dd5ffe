package dev.berth.registry.policy;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Repository policies in the registry's schema. */
@ApplicationScoped
public class RepositoryPolicies {

    @Inject
    Pool pool;

    /** The policy of the repository with this full name ({@code acme/web}), if it has one. */
    public Uni<Optional<RepositoryPolicy>> forRepository(String name) {
        return UniHelper.toUni(pool.preparedQuery("SELECT p.policy_text FROM repository_policy p JOIN repository r "
                        + "ON r.id = p.repository_id WHERE r.name = $1")
                        .execute(Tuple.of(name)))
                .map(rows -> Rows.first(rows, row -> RepositoryPolicy.parse(row.getString(0))));
    }

    public Uni<Void> set(long repositoryId, String text) {
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO repository_policy (repository_id, policy_text) "
                        + "VALUES ($1, $2) ON CONFLICT (repository_id) DO UPDATE SET policy_text = $2, updated_at = now()")
                .execute(Tuple.of(repositoryId, text))).replaceWithVoid();
    }

    public Uni<Optional<String>> text(long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("SELECT policy_text FROM repository_policy WHERE repository_id = $1")
                        .execute(Tuple.of(repositoryId)))
                .map(rows -> Rows.first(rows, row -> row.getString(0)));
    }

    public Uni<Optional<String>> delete(long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM repository_policy WHERE repository_id = $1 "
                        + "RETURNING policy_text").execute(Tuple.of(repositoryId)))
                .map(rows -> Rows.first(rows, row -> row.getString(0)));
    }
}
