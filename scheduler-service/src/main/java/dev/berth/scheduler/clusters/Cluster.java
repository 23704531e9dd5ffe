package dev.berth.scheduler.clusters;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.ApiException;
import dev.berth.scheduler.Arns;
import java.time.OffsetDateTime;

/** An ECS cluster of one tenant. */
public record Cluster(String tenant, String name, ClusterStatus status, OffsetDateTime createdAt,
                      ClusterSecuritySettings securitySettings) {

    public String arn() {
        return arn(tenant, name);
    }

    public static String arn(String tenant, String name) {
        return Arns.ecs(tenant, "cluster/" + name);
    }

    /** A cluster given by name or ARN. */
    public static String nameOf(String cluster) {
        int slash = cluster.indexOf(":cluster/");
        return slash >= 0 ? cluster.substring(slash + ":cluster/".length()) : cluster;
    }

    /** The tenant an ARN names ({@code arn:berth:ecs::acme:cluster/prod}); empty for a plain name. */
    public static java.util.Optional<String> tenantOf(String cluster) {
        String prefix = "arn:berth:ecs::";
        int end = cluster.indexOf(":cluster/");
        return cluster.startsWith(prefix) && end > prefix.length()
                ? java.util.Optional.of(cluster.substring(prefix.length(), end)) : java.util.Optional.empty();
    }

    public static ApiException notFound(String name) {
        return new ApiException(ErrorCode.CLUSTER_NOT_FOUND, "Cluster not found: " + name + ".");
    }
}
