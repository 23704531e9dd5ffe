package dev.berth.autoscaler.scaling;

/** What identifies a scalable target: ServiceNamespace, ResourceId and ScalableDimension together. */
public record ScalableTargetId(ServiceNamespace namespace, EcsServiceResourceId resourceId, ScalableDimension dimension) {

    public ScalableTargetId {
        ValidationErrors.required(namespace, "ServiceNamespace");
        ValidationErrors.required(resourceId, "ResourceId");
        ValidationErrors.required(dimension, "ScalableDimension");
        if (dimension.namespace() != namespace) {
            throw ValidationErrors.invalid("ScalableDimension", "'" + dimension + "' does not belong to namespace " + namespace);
        }
    }

    /** From the three wire strings; the first one that is wrong is named. */
    public static ScalableTargetId parse(String serviceNamespace, String resourceId, String scalableDimension) {
        ServiceNamespace namespace = ServiceNamespace.parse(serviceNamespace);
        EcsServiceResourceId id = EcsServiceResourceId.parse(resourceId);
        return new ScalableTargetId(namespace, id, ScalableDimension.parse(scalableDimension));
    }

    public static ScalableTargetId ecsService(String cluster, String service) {
        return new ScalableTargetId(ServiceNamespace.ECS, new EcsServiceResourceId(cluster, service),
                ScalableDimension.ECS_SERVICE_DESIRED_COUNT);
    }
}
