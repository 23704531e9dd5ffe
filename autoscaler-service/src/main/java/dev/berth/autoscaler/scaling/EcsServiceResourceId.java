package dev.berth.autoscaler.scaling;

import com.google.re2j.Pattern;

/**
 * The ResourceId of an ECS service, {@code service/<cluster-name>/<service-name>}. Parsed, not split:
 * exactly two names after {@code service/}, each a valid ECS name (1 to 255 letters, digits, hyphens
 * and underscores), so that no extra slash, empty part or foreign character reaches a query or a
 * synthesized alarm name.
 */
public record EcsServiceResourceId(String clusterName, String serviceName) {

    public static final String RESOURCE_TYPE = "service";
    private static final String PREFIX = RESOURCE_TYPE + "/";
    private static final String FIELD = "ResourceId";
    private static final String SHAPE = "must be service/<cluster-name>/<service-name>";
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + ScalingLimits.MAX_ECS_NAME_LENGTH + "}");

    public EcsServiceResourceId {
        checkName(clusterName, "cluster");
        checkName(serviceName, "service");
    }

    public static EcsServiceResourceId parse(String resourceId) {
        return parse(resourceId, FIELD);
    }

    /** As {@link #parse(String)}, naming {@code field} in errors (e.g. {@code ResourceIds[2]}). */
    public static EcsServiceResourceId parse(String resourceId, String field) {
        ValidationErrors.required(resourceId, field);
        if (resourceId.length() > ScalingLimits.MAX_RESOURCE_ID_LENGTH) {
            throw ValidationErrors.invalid(field, "may hold up to " + ScalingLimits.MAX_RESOURCE_ID_LENGTH + " characters");
        }
        if (!resourceId.startsWith(PREFIX)) {
            throw ValidationErrors.invalid(field, SHAPE + " (an ECS service's resource type is service)");
        }
        String names = resourceId.substring(PREFIX.length());
        int slash = names.indexOf('/');
        if (slash < 0) {
            throw ValidationErrors.invalid(field, SHAPE + " (no service name after the cluster name)");
        }
        String cluster = names.substring(0, slash);
        String service = names.substring(slash + 1);
        if (service.indexOf('/') >= 0) {
            throw ValidationErrors.invalid(field, SHAPE + " (more than two names after service/)");
        }
        if (cluster.isEmpty() || service.isEmpty()) {
            throw ValidationErrors.invalid(field, SHAPE + " (the " + (cluster.isEmpty() ? "cluster" : "service") + " name is empty)");
        }
        if (!ECS_NAME.matches(cluster)) {
            throw ValidationErrors.invalid(field, nameProblem("cluster"));
        }
        if (!ECS_NAME.matches(service)) {
            throw ValidationErrors.invalid(field, nameProblem("service"));
        }
        return new EcsServiceResourceId(cluster, service);
    }

    private static void checkName(String name, String kind) {
        if (name == null || !ECS_NAME.matches(name)) {
            throw ValidationErrors.invalid(FIELD, nameProblem(kind));
        }
    }

    private static String nameProblem(String kind) {
        return "the " + kind + " name may hold 1 to " + ScalingLimits.MAX_ECS_NAME_LENGTH
                + " letters, digits, hyphens and underscores";
    }

    /** The wire form, {@code service/<cluster-name>/<service-name>}. */
    @Override
    public String toString() {
        return PREFIX + clusterName + "/" + serviceName;
    }
}
