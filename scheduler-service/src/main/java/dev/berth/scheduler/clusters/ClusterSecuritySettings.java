package dev.berth.scheduler.clusters;

/**
 * What a platform operator allowed a cluster's tasks beyond the default: privileged containers
 * (which also covers added Linux capabilities) and the host's network namespace. Both are off for
 * a new cluster; only a platform operator changes them.
 */
public record ClusterSecuritySettings(boolean allowPrivilegedContainers, boolean allowHostNetwork) {

    public static final ClusterSecuritySettings NONE = new ClusterSecuritySettings(false, false);
}
