package dev.berth.scheduler.tasks;

import dev.berth.scheduler.clusters.ClusterKey;
import dev.berth.scheduler.PostgresListener;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.placement.ClusterState;
import dev.berth.scheduler.placement.HostSnapshot;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each cluster's placement state, kept between placements so that a run-task does not read every
 * host of its cluster. PostgreSQL stays the truth: a change to a host or a task's group made
 * anywhere (another replica, an agent's report, a drain) notifies {@code berth_placement} and the
 * state is read again before the next placement; a placement of this replica names it in
 * {@code berth.placer} and is applied to the state directly. A state is also read again after a
 * failed placement and once it is {@link LaunchSettings#stateMaxAge()} old, which bounds what a notification
 * lost while the listener reconnected can cost. Should a state be behind all the same, the
 * conditional reservation in PostgreSQL still refuses room that is gone.
 */
@ApplicationScoped
public class ClusterStates {

    static final String CHANNEL = "berth_placement";

    private record Cached(ClusterState state, long generation, long loadedAt) {
    }

    @Inject
    HostStore hosts;

    @Inject
    PostgresListener listener;

    @Inject
    LaunchSettings settings;

    private final String replica = UUID.randomUUID().toString();
    private final Map<ClusterKey, Cached> states = new ConcurrentHashMap<>();
    private final Map<ClusterKey, AtomicLong> generations = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        listener.on(CHANNEL, payload -> PlacementNotice.parse(payload)
                .filter(notice -> !notice.placer().equals(replica))
                .ifPresent(notice -> changed(notice.cluster())), states::clear);
    }

    /** What a placement of this replica sets {@code berth.placer} to. */
    String replica() {
        return replica;
    }

    /** A cluster's state and whether it was just read from PostgreSQL. */
    record Current(ClusterState state, boolean fresh) {
    }

    /** The cluster's state, read again if something changed since; call it holding the cluster's placement lock. */
    Uni<Current> current(SqlClient client, String tenant, String cluster) {
        ClusterKey key = new ClusterKey(tenant, cluster);
        Cached cached = states.get(key);
        if (cached != null && cached.generation() == generation(key).get()
                && System.currentTimeMillis() - cached.loadedAt() < settings.stateMaxAge().toMillis()) {
            return Uni.createFrom().item(new Current(cached.state(), false));
        }
        return read(client, tenant, cluster).map(state -> new Current(state, true));
    }

    /** The cluster's state read from PostgreSQL now, and kept. */
    Uni<ClusterState> read(SqlClient client, String tenant, String cluster) {
        ClusterKey key = new ClusterKey(tenant, cluster);
        long generation = generation(key).get();
        long loadedAt = System.currentTimeMillis();
        return snapshots(client, tenant, cluster).map(snapshots -> {
            ClusterState state = ClusterState.of(snapshots);
            states.put(key, new Cached(state, generation, loadedAt));
            return state;
        });
    }

    /** The state may no longer match PostgreSQL (a placement applied to it was rolled back). */
    void forget(String tenant, String cluster) {
        changed(new ClusterKey(tenant, cluster));
    }

    /** The cluster as placement sees it now: its hosts and the task groups on each. */
    Uni<List<HostSnapshot>> snapshots(SqlClient client, String tenant, String cluster) {
        return hosts.placeable(client, tenant, cluster)
                .chain(found -> hosts.taskGroups(client, tenant, cluster).map(groups -> {
                    List<HostSnapshot> snapshots = new ArrayList<>(found.size());
                    for (Host host : found) {
                        snapshots.add(host.snapshot(groups.getOrDefault(host.id(), Map.of())));
                    }
                    return snapshots;
                }));
    }

    private void changed(ClusterKey key) {
        generation(key).incrementAndGet();
        states.remove(key);
    }

    private AtomicLong generation(ClusterKey key) {
        return generations.computeIfAbsent(key, k -> new AtomicLong());
    }
}
