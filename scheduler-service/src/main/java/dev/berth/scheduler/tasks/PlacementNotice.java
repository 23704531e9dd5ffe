package dev.berth.scheduler.tasks;

import dev.berth.scheduler.clusters.ClusterKey;
import java.util.Optional;

/**
 * A {@code berth_placement} notification: the cluster whose hosts or task groups changed and the
 * replica that placed the change ({@code berth.placer}, empty when none did). On the wire it is
 * {@code tenant/cluster/placer}, as the trigger of V7__placement_changed.sql writes it.
 */
record PlacementNotice(ClusterKey cluster, String placer) {

    String payload() {
        return cluster.text() + "/" + placer;
    }

    /** Empty for a payload not of that form. */
    static Optional<PlacementNotice> parse(String payload) {
        int first = payload.indexOf('/');
        int last = payload.lastIndexOf('/');
        if (first < 1 || last <= first + 1) {
            return Optional.empty();
        }
        return Optional.of(new PlacementNotice(new ClusterKey(payload.substring(0, first), payload.substring(first + 1, last)),
                payload.substring(last + 1)));
    }
}
