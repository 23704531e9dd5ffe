package dev.berth.scheduler.clusters;

/** One cluster among every tenant's clusters: the key of what is kept per cluster. */
public record ClusterKey(String tenant, String name) {

    /** {@code tenant/name}, as PostgreSQL's notifications about a cluster carry it. */
    public String text() {
        return tenant + "/" + name;
    }
}
