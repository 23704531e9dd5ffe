package dev.berth.registry.metadata;

import dev.berth.common.db.Rows;
import dev.berth.registry.digest.Digest;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.ParsedManifest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Repositories, blobs, manifests, tags and upload sessions in the registry's schema. Every call
 * answers a {@link Uni}; the OCI routes, which are Vert.x handlers, turn them into futures.
 */
@ApplicationScoped
public class RegistryMetadata {

    /** SQL: the tags of the manifest row {@code m}, sorted, as a text array (empty when untagged). */
    public static final String TAGS_OF_MANIFEST = "coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM tag t "
            + "WHERE t.repository_id = m.repository_id AND t.manifest_digest = m.digest), '{}')";

    @Inject
    Pool pool;

    // ------------------------------------------------------------------ repositories

    public Uni<Optional<Repository>> repository(String name) {
        return UniHelper.toUni(pool.preparedQuery("SELECT id, tenant, name, tag_mutability FROM repository WHERE name = $1")
                .execute(Tuple.of(name))
                .map(rows -> first(rows).map(RegistryMetadata::repository)));
    }

    /** The repository, created on the first push to it (every chunk of a push asks, so look before inserting). */
    public Uni<Repository> repositoryForPush(String tenant, String name) {
        return repository(name).chain(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                : UniHelper.toUni(pool.preparedQuery("INSERT INTO repository (tenant, name) VALUES ($1, $2) "
                                + "ON CONFLICT (name) DO NOTHING").execute(Tuple.of(tenant, name)))
                        .chain(v -> repository(name))
                        .map(Optional::orElseThrow));
    }

    private static Repository repository(Row row) {
        return new Repository(row.getLong("id"), row.getString("tenant"), row.getString("name"),
                row.getString("tag_mutability"));
    }

    // ------------------------------------------------------------------ blobs

    /** The size of a blob readable through the repository. */
    public Uni<Optional<Long>> linkedBlobSize(long repositoryId, Digest digest) {
        return UniHelper.toUni(pool.preparedQuery("SELECT b.size FROM repository_blob rb JOIN blob b ON b.digest = rb.digest "
                        + "WHERE rb.repository_id = $1 AND rb.digest = $2")
                .execute(Tuple.of(repositoryId, digest.toString()))
                .map(rows -> first(rows).map(row -> row.getLong(0))));
    }

    /**
     * Runs {@code work} in a transaction that holds the blob's lock. Everything that makes a blob
     * file exist or be used (upload commit, mount, link) and garbage collection's removal of it
     * take this lock, so a blob is never collected between being found and being linked.
     */
    public <T> Uni<T> withBlobLock(Digest digest, Function<SqlConnection, Uni<T>> work) {
        return UniHelper.toUni(pool.withTransaction(c -> c
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(digest.toString()))
                .compose(locked -> UniHelper.toFuture(work.apply(c)))));
    }

    /** Records a stored blob and makes it readable through the repository; call under {@link #withBlobLock}. */
    public Uni<Void> linkBlob(SqlClient c, long repositoryId, Digest digest, long size) {
        return UniHelper.toUni(c.preparedQuery("INSERT INTO blob (digest, size) VALUES ($1, $2) "
                        + "ON CONFLICT (digest) DO UPDATE SET touched_at = now()")
                .execute(Tuple.of(digest.toString(), size))
                .compose(v -> c.preparedQuery("INSERT INTO repository_blob (repository_id, digest) VALUES ($1, $2) "
                        + "ON CONFLICT (repository_id, digest) DO UPDATE SET linked_at = now()")
                        .execute(Tuple.of(repositoryId, digest.toString())))
                .mapEmpty());
    }

    /** The size of a blob still recorded; call under {@link #withBlobLock} before linking it. */
    public Uni<Optional<Long>> blobSize(SqlClient c, Digest digest) {
        return UniHelper.toUni(c.preparedQuery("SELECT size FROM blob WHERE digest = $1").execute(Tuple.of(digest.toString()))
                .map(rows -> first(rows).map(row -> row.getLong(0))));
    }

    /** @return whether the repository had the blob */
    public Uni<Boolean> unlinkBlob(long repositoryId, Digest digest) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM repository_blob WHERE repository_id = $1 AND digest = $2")
                .execute(Tuple.of(repositoryId, digest.toString()))
                .map(rows -> rows.rowCount() > 0));
    }

    // ------------------------------------------------------------------ uploads

    /**
     * Opens an upload session unless the tenant already has {@code maxOpen} live ones; the count
     * and the insert hold the tenant's lock, so concurrent starts cannot both take the last place.
     *
     * @return whether the session was opened
     */
    public Uni<Boolean> startUpload(UUID id, Repository repository, OffsetDateTime expiresAt, int maxOpen) {
        return UniHelper.toUni(pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("uploads:" + repository.tenant()))
                .compose(locked -> c.preparedQuery("SELECT count(*) FROM upload u JOIN repository r ON r.id = u.repository_id "
                        + "WHERE r.tenant = $1 AND u.expires_at > now()").execute(Tuple.of(repository.tenant())))
                .compose(rows -> rows.iterator().next().getLong(0) >= maxOpen ? Future.succeededFuture(false)
                        : c.preparedQuery("INSERT INTO upload (id, repository_id, expires_at) VALUES ($1, $2, $3)")
                                .execute(Tuple.of(id, repository.id(), expiresAt)).map(true))));
    }

    public Uni<Boolean> uploadExists(UUID id, long repositoryId) {
        return UniHelper.toUni(pool.preparedQuery("SELECT 1 FROM upload WHERE id = $1 AND repository_id = $2 AND expires_at > now()")
                .execute(Tuple.of(id, repositoryId))
                .map(rows -> rows.rowCount() > 0));
    }

    /** Records how many bytes the upload holds, which its tenant's quota counts while it is open. */
    public Uni<Void> uploadReceived(UUID id, long size) {
        return UniHelper.toUni(pool.preparedQuery("UPDATE upload SET received = $2 WHERE id = $1").execute(Tuple.of(id, size)).mapEmpty());
    }

    public Uni<Void> endUpload(UUID id) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM upload WHERE id = $1").execute(Tuple.of(id)).mapEmpty());
    }

    // ------------------------------------------------------------------ manifests and tags

    /** Digests the manifest refers to that the repository does not have. */
    public Uni<List<String>> missingReferences(long repositoryId, ParsedManifest manifest) {
        List<String> blobs = manifest.blobs().stream().map(d -> d.digest().toString()).distinct().toList();
        List<String> manifests = manifest.manifests().stream().map(d -> d.digest().toString()).distinct().toList();
        return UniHelper.toUni(pool.preparedQuery("SELECT digest FROM repository_blob WHERE repository_id = $1 AND digest = ANY($2) "
                        + "UNION SELECT digest FROM manifest WHERE repository_id = $1 AND digest = ANY($3)")
                .execute(Tuple.tuple().addLong(repositoryId).addArrayOfString(blobs.toArray(String[]::new))
                        .addArrayOfString(manifests.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> present = StreamSupport.stream(rows.spliterator(), false)
                            .map(row -> row.getString(0)).collect(Collectors.toSet());
                    List<String> missing = new ArrayList<>();
                    blobs.stream().filter(d -> !present.contains(d)).forEach(missing::add);
                    manifests.stream().filter(d -> !present.contains(d)).forEach(missing::add);
                    return missing;
                }));
    }

    /**
     * Stores the manifest under {@code digest} and points {@code tag} at it (when given), in one
     * transaction; an immutable repository's existing tag is never moved.
     */
    public Uni<Void> putManifest(Repository repository, ParsedManifest manifest, Digest digest, Optional<String> tag) {
        List<String> blobs = manifest.blobs().stream().map(d -> d.digest().toString()).distinct().toList();
        return UniHelper.toUni(pool.withTransaction(c -> touchLinks(c, repository.id(), blobs)
                .compose(touched -> c
                .preparedQuery("INSERT INTO manifest (repository_id, digest, media_type, artifact_type, subject, size, "
                        + "content) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING")
                .execute(Tuple.tuple().addLong(repository.id()).addString(digest.toString())
                        .addString(manifest.mediaType()).addString(manifest.artifactType().orElse(null))
                        .addString(manifest.subject().map(Digest::toString).orElse(null))
                        .addLong((long) manifest.content().length)
                        .addBuffer(Buffer.buffer(manifest.content())))
                .compose(inserted -> inserted.rowCount() == 0 ? Future.succeededFuture()
                        : insertReferences(c, repository.id(), digest, manifest))
                .compose(v -> tag.isEmpty() ? Future.succeededFuture() : putTag(c, repository, tag.get(), digest)))));
    }

    /**
     * Marks the manifest's blobs as just used, locking their links for this transaction, so
     * garbage collection cannot take a blob a manifest is being written to need.
     */
    private static Future<Void> touchLinks(SqlClient c, long repositoryId, List<String> blobs) {
        if (blobs.isEmpty()) {
            return Future.succeededFuture();
        }
        return c.preparedQuery("UPDATE repository_blob SET linked_at = now() WHERE repository_id = $1 AND digest = ANY($2)")
                .execute(Tuple.tuple().addLong(repositoryId).addArrayOfString(blobs.toArray(String[]::new)))
                .compose(rows -> rows.rowCount() == blobs.size() ? Future.succeededFuture()
                        : Future.failedFuture(new MissingBlobsException()));
    }

    private static Future<Void> insertReferences(SqlClient c, long repositoryId, Digest manifestDigest,
                                                 ParsedManifest manifest) {
        List<Tuple> batch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Descriptor blob : manifest.blobs()) {
            if (seen.add(blob.digest().toString())) {
                batch.add(Tuple.of(repositoryId, manifestDigest.toString(), blob.digest().toString(), "blob"));
            }
        }
        for (Descriptor child : manifest.manifests()) {
            if (seen.add(child.digest().toString())) {
                batch.add(Tuple.of(repositoryId, manifestDigest.toString(), child.digest().toString(), "manifest"));
            }
        }
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        return c.preparedQuery("INSERT INTO manifest_reference (repository_id, manifest_digest, digest, kind) "
                + "VALUES ($1, $2, $3, $4)").executeBatch(batch).mapEmpty();
    }

    private static Future<Void> putTag(SqlClient c, Repository repository, String tag, Digest digest) {
        return c.preparedQuery("SELECT manifest_digest FROM tag WHERE repository_id = $1 AND name = $2 FOR UPDATE")
                .execute(Tuple.of(repository.id(), tag))
                .compose(rows -> {
                    Optional<String> current = first(rows).map(row -> row.getString(0));
                    if (current.filter(digest.toString()::equals).isPresent()) {
                        return Future.succeededFuture();
                    }
                    if (current.isPresent() && repository.tagsImmutable()) {
                        return Future.failedFuture(new TagImmutableException(repository.name(), tag));
                    }
                    return c.preparedQuery("INSERT INTO tag (repository_id, name, manifest_digest) VALUES ($1, $2, $3) "
                                    + "ON CONFLICT (repository_id, name) DO UPDATE SET manifest_digest = $3, updated_at = now()")
                            .execute(Tuple.of(repository.id(), tag, digest.toString())).mapEmpty();
                });
    }

    public Uni<Optional<StoredManifest>> manifest(long repositoryId, String reference, boolean byDigest) {
        String sql = byDigest
                ? "SELECT digest, media_type, content FROM manifest WHERE repository_id = $1 AND digest = $2"
                : "SELECT m.digest, m.media_type, m.content FROM tag t JOIN manifest m "
                + "ON m.repository_id = t.repository_id AND m.digest = t.manifest_digest "
                + "WHERE t.repository_id = $1 AND t.name = $2";
        return UniHelper.toUni(pool.preparedQuery(sql).execute(Tuple.of(repositoryId, reference))
                .map(rows -> first(rows).map(row -> new StoredManifest(row.getString(0), row.getString(1),
                        row.getBuffer(2).getBytes()))));
    }

    public Uni<Void> markPulled(long repositoryId, String digest) {
        return UniHelper.toUni(pool.preparedQuery("UPDATE manifest SET last_pulled_at = now() WHERE repository_id = $1 AND digest = $2")
                .execute(Tuple.of(repositoryId, digest)).mapEmpty());
    }

    /** @return whether the manifest existed; its tags go with it */
    public Uni<Boolean> deleteManifest(long repositoryId, String digest) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM manifest WHERE repository_id = $1 AND digest = $2")
                .execute(Tuple.of(repositoryId, digest))
                .map(rows -> rows.rowCount() > 0));
    }

    /** @return the digest the tag named, when it existed */
    public Uni<Optional<String>> deleteTag(long repositoryId, String tag) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM tag WHERE repository_id = $1 AND name = $2 RETURNING manifest_digest")
                .execute(Tuple.of(repositoryId, tag))
                .map(rows -> first(rows).map(row -> row.getString(0))));
    }

    /** Tags in lexical order after {@code last}, at most {@code limit}. */
    public Uni<List<String>> tags(long repositoryId, String last, int limit) {
        return UniHelper.toUni(pool.preparedQuery("SELECT name FROM tag WHERE repository_id = $1 AND name COLLATE \"C\" > $2 "
                        + "ORDER BY name COLLATE \"C\" LIMIT $3")
                .execute(Tuple.of(repositoryId, last == null ? "" : last, limit))
                .map(rows -> Rows.all(rows, row -> row.getString(0))));
    }

    /**
     * Manifests whose subject is {@code subject}, in digest order after {@code last}, at most
     * {@code limit}, optionally of one artifact type; without their content, which
     * {@link #manifestContents} fetches for the ones an answer has room for.
     */
    public Uni<List<Referrer>> referrers(long repositoryId, String subject, String artifactType, String last,
                                            int limit) {
        return UniHelper.toUni(pool.preparedQuery("SELECT digest, media_type, size, artifact_type FROM manifest "
                        + "WHERE repository_id = $1 AND subject = $2 AND ($3::text IS NULL OR artifact_type = $3) "
                        + "AND digest > $4 ORDER BY digest LIMIT $5")
                .execute(Tuple.of(repositoryId, subject, artifactType, last == null ? "" : last, limit))
                .map(rows -> Rows.all(rows, row -> new Referrer(row.getString(0), row.getString(1), row.getLong(2),
                        row.getString(3)))));
    }

    /** The stored bytes of these manifests of the repository, by digest. */
    public Uni<Map<String, byte[]>> manifestContents(long repositoryId, List<String> digests) {
        return UniHelper.toUni(pool.preparedQuery("SELECT digest, content FROM manifest WHERE repository_id = $1 AND digest = ANY($2)")
                .execute(Tuple.tuple().addLong(repositoryId).addArrayOfString(digests.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, byte[]> contents = new HashMap<>();
                    rows.forEach(row -> contents.put(row.getString(0), row.getBuffer(1).getBytes()));
                    return contents;
                }));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
