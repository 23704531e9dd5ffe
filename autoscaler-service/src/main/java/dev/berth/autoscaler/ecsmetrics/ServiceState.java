package dev.berth.autoscaler.ecsmetrics;

import java.util.Objects;

/** A service's counts as DescribeServices shows them (desiredCount, runningCount, pendingCount, deployments). */
public record ServiceState(String serviceName, int desiredCount, int runningCount, int pendingCount,
                           int deploymentCount) {

    public ServiceState {
        Objects.requireNonNull(serviceName, "serviceName");
        if (desiredCount < 0 || runningCount < 0 || pendingCount < 0 || deploymentCount < 0) {
            throw new IllegalArgumentException("a service's counts are not negative: " + serviceName);
        }
    }
}
