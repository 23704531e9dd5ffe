package dev.berth.scheduler.clusters;

import dev.berth.common.auth.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller's ACTIVE cluster that a request path names, by name or ARN. */
@ApplicationScoped
public class ActiveClusters {

    @Inject
    ClusterStore store;

    @Inject
    CurrentPrincipal principal;

    /** The cluster, or ClusterNotFoundException when the caller's tenant has no ACTIVE cluster of that name. */
    public Uni<Cluster> named(String cluster) {
        return store.requireActive(principal.tenant(), Cluster.nameOf(cluster));
    }
}
