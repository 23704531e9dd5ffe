package dev.berth.registry.repositories;

import dev.berth.common.db.Rows;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
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

/** The management API's reads and writes of repositories and their images, always within one tenant. */
@ApplicationScoped
public class RepositoryCatalog {

    /** A repository row as the management API needs it. */
    public record Entry(long id, String tenant, String name, String mutability, Instant createdAt) {
    }

    @Inject
    Pool pool;

    /** @return empty when the name is taken */
    public Uni<Optional<Entry>> create(String tenant, String name, String mutability) {
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO repository (tenant, name, tag_mutability) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING "
                        + "RETURNING id, tenant, name, tag_mutability, created_at")
                .execute(Tuple.of(tenant, name, mutability)))
                .map(rows -> Rows.first(rows, RepositoryCatalog::entry));
    }

    public Uni<Optional<Entry>> find(String tenant, String name) {
        return UniHelper.toUni(pool.preparedQuery("SELECT id, tenant, name, tag_mutability, created_at FROM repository "
                        + "WHERE tenant = $1 AND name = $2").execute(Tuple.of(tenant, name)))
                .map(rows -> Rows.first(rows, RepositoryCatalog::entry));
    }

    /** The tenant's repository named {@code name} (without the tenant), or ECR's RepositoryNotFoundException. */
    public Uni<Entry> existing(String tenant, String name) {
        return find(tenant, tenant + "/" + name).map(found -> found.orElseThrow(() -> new ApiException(
                ErrorCode.REPOSITORY_NOT_FOUND,
                "The repository with name '" + name + "' does not exist in the registry with id '" + tenant + "'")));
    }

    /** A page of the tenant's repositories in name order, after {@code after}. */
    public Uni<List<Entry>> list(String tenant, String after, int limit) {
        return UniHelper.toUni(pool.preparedQuery("SELECT id, tenant, name, tag_mutability, created_at FROM repository "
                        + "WHERE tenant = $1 AND name COLLATE \"C\" > $2 ORDER BY name COLLATE \"C\" LIMIT $3")
                .execute(Tuple.of(tenant, after == null ? "" : after, limit)))
                .map(rows -> Rows.all(rows, RepositoryCatalog::entry));
    }

    public Uni<Boolean> setMutability(long id, String mutability) {
        return UniHelper.toUni(pool.preparedQuery("UPDATE repository SET tag_mutability = $2 WHERE id = $1")
                .execute(Tuple.of(id, mutability))).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Long> imageCount(long id) {
        return UniHelper.toUni(pool.preparedQuery("SELECT count(*) FROM manifest WHERE repository_id = $1")
                .execute(Tuple.of(id))).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Deletes the repository with its manifests, tags, blob links and uploads; blob files go with garbage collection. */
    public Uni<Void> delete(long id) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM repository WHERE id = $1").execute(Tuple.of(id)))
                .replaceWithVoid();
    }

    /** A page of the repository's images (manifests), newest first, after the digest {@code after}. */
    public Uni<List<ImageDetail>> images(Entry repository, String after, int limit) {
        String sql = "SELECT m.digest, m.media_type, m.artifact_type, m.pushed_at, m.last_pulled_at, "
                + "m.size + coalesce((SELECT sum(b.size) FROM manifest_reference r JOIN blob b ON b.digest = r.digest "
                + "  WHERE r.repository_id = m.repository_id AND r.manifest_digest = m.digest), 0) AS size, "
                + RegistryMetadata.TAGS_OF_MANIFEST + " AS tags "
                + "FROM manifest m WHERE m.repository_id = $1 AND m.digest > $2 ORDER BY m.digest LIMIT $3";
        return UniHelper.toUni(pool.preparedQuery(sql).execute(Tuple.of(repository.id(), after == null ? "" : after, limit)))
                .map(rows -> Rows.all(rows, row -> image(repository, row)));
    }

    /** A stored image: its digest, media type, bytes and tags. */
    public record StoredImage(String digest, String mediaType, byte[] manifest, List<String> tags) {
    }

    /** The image a tag or digest names (a digest must match the tag when both are given). */
    public Uni<Optional<StoredImage>> image(long repositoryId, ImageIdentifier id) {
        String sql = "SELECT m.digest, m.media_type, m.content, " + RegistryMetadata.TAGS_OF_MANIFEST
                + " FROM manifest m WHERE m.repository_id = $1 AND "
                + (id.imageTag() != null
                ? "m.digest = (SELECT manifest_digest FROM tag WHERE repository_id = $1 AND name = $2)"
                : "m.digest = $2");
        return UniHelper.toUni(pool.preparedQuery(sql).execute(Tuple.of(repositoryId,
                        id.imageTag() != null ? id.imageTag() : id.imageDigest())))
                .map(rows -> Rows.first(rows, row -> new StoredImage(row.getString(0), row.getString(1),
                        row.getBuffer(2).getBytes(), Arrays.asList(row.getArrayOfStrings(3)))));
    }

    /** Removes one tag; the image goes too when that was its last tag, as in ECR. */
    public Uni<Boolean> untag(long repositoryId, String tag, String digest) {
        return UniHelper.toUni(pool.withTransaction(c -> c
                .preparedQuery("DELETE FROM tag WHERE repository_id = $1 AND name = $2").execute(Tuple.of(repositoryId, tag))
                .compose(v -> c.preparedQuery("DELETE FROM manifest m WHERE repository_id = $1 AND digest = $2 AND NOT "
                        + "EXISTS (SELECT 1 FROM tag t WHERE t.repository_id = $1 AND t.manifest_digest = $2)")
                        .execute(Tuple.of(repositoryId, digest)))
                .map(rows -> rows.rowCount() > 0)));
    }

    private static ImageDetail image(Entry repository, Row row) {
        OffsetDateTime pulled = row.getOffsetDateTime("last_pulled_at");
        return new ImageDetail(repository.tenant(), repository.name().substring(repository.tenant().length() + 1),
                row.getString("digest"), Arrays.asList(row.getArrayOfStrings("tags")), row.getLong("size"),
                row.getOffsetDateTime("pushed_at").toInstant(), pulled == null ? null : pulled.toInstant(),
                row.getString("media_type"), row.getString("artifact_type"));
    }

    private static Entry entry(Row row) {
        return new Entry(row.getLong("id"), row.getString("tenant"), row.getString("name"),
                row.getString("tag_mutability"), row.getOffsetDateTime("created_at").toInstant());
    }
}
