package dev.berth.registry.gc;

import dev.berth.common.db.Rows;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.digest.Digest;
import dev.berth.registry.metadata.RegistryMetadata;
import dev.berth.registry.storage.BlobStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Removes blobs nothing uses any more while the registry keeps serving pushes and pulls
 * (CNCF Distribution has to be stopped for this). Three steps, each safe on its own:
 * <ol>
 * <li>a repository's link to a blob goes when no manifest of that repository refers to it and
 * it was last linked more than the grace period ago (a push uploads layers before its manifest);
 * a manifest being written touches its blobs' links in its own transaction, so this step cannot
 * take them;</li>
 * <li>a blob with no link left, untouched for the grace period, is deleted, row and file, under
 * the blob's lock, which every upload commit and mount of that digest takes too;</li>
 * <li>upload sessions past their expiry are dropped with their partial files.</li>
 * </ol>
 */
@ApplicationScoped
public class GarbageCollector {

    private static final Logger LOG = Logger.getLogger(GarbageCollector.class);

    /** What one collection removed. */
    @Schema(name = "GarbageCollectionReport")
    public record Report(long linksRemoved, long blobsDeleted, long bytesFreed, long uploadsExpired) {
    }

    @Inject
    Pool pool;

    @Inject
    RegistryMetadata metadata;

    @Inject
    BlobStore store;

    @Inject
    RegistryConfig config;

    @Scheduled(every = "${berth.registry.gc.interval:6h}", delayed = "${berth.registry.gc.delay:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return collect().invoke(report -> LOG.infof("garbage collection: %s", report))
                .onFailure().invoke(failure -> LOG.error("garbage collection failed", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Report> collect() {
        long graceSeconds = config.gc().grace().toSeconds();
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM repository_blob rb WHERE rb.linked_at < now() "
                        + "- make_interval(secs => $1) AND NOT EXISTS (SELECT 1 FROM manifest_reference r "
                        + "WHERE r.repository_id = rb.repository_id AND r.digest = rb.digest)")
                        .execute(Tuple.of((double) graceSeconds)))
                .chain(unlinked -> UniHelper.toUni(pool.preparedQuery("SELECT digest FROM blob b WHERE touched_at < now() - "
                                        + "make_interval(secs => $1) AND NOT EXISTS (SELECT 1 FROM repository_blob rb "
                                        + "WHERE rb.digest = b.digest) LIMIT $2")
                                .execute(Tuple.of((double) graceSeconds, config.gc().batchSize())))
                        .chain(candidates -> deleteEach(Rows.all(candidates, row -> Digest.parse(row.getString(0))),
                                graceSeconds))
                        .chain(deleted -> expireUploads().map(uploads -> new Report(unlinked.rowCount(),
                                deleted.count(), deleted.bytes(), uploads))));
    }

    private record Freed(long count, long bytes) {
    }

    /** Deletes the candidates one by one, each under its lock, re-checking that it is still unused. */
    private Uni<Freed> deleteEach(List<Digest> digests, long graceSeconds) {
        return Multi.createFrom().iterable(digests)
                .onItem().transformToUniAndConcatenate(digest -> metadata.withBlobLock(digest, c -> UniHelper.toUni(c
                                .preparedQuery("DELETE FROM blob b WHERE digest = $1 AND touched_at < now() - "
                                        + "make_interval(secs => $2) AND NOT EXISTS (SELECT 1 FROM repository_blob rb "
                                        + "WHERE rb.digest = b.digest) RETURNING size")
                                .execute(Tuple.of(digest.toString(), (double) graceSeconds)))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                return Uni.createFrom().item(0L);
                            }
                            long size = rows.iterator().next().getLong(0);
                            return UniHelper.toUni(store.delete(digest)).replaceWith(size);
                        })))
                .collect().in(() -> new long[2], (freed, size) -> {
                    freed[0] += size > 0 ? 1 : 0;
                    freed[1] += size;
                })
                .map(freed -> new Freed(freed[0], freed[1]));
    }

    private Uni<Long> expireUploads() {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM upload WHERE expires_at < now() RETURNING id").execute())
                .chain(rows -> {
                    List<String> ids = Rows.all(rows, row -> row.getUUID(0).toString());
                    return Multi.createFrom().iterable(ids)
                            .onItem().transformToUniAndConcatenate(id -> UniHelper.toUni(store.cancel(id))
                                    .onFailure().recoverWithNull())
                            .collect().last()
                            .replaceWith((long) ids.size());
                });
    }
}
