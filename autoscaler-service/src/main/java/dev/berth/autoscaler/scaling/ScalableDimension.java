package dev.berth.autoscaler.scaling;

/** What of a resource is scaled. Berth scales the desired task count of ECS services only. */
public enum ScalableDimension {
    ECS_SERVICE_DESIRED_COUNT("ecs:service:DesiredCount", ServiceNamespace.ECS);

    private final String awsName;
    private final ServiceNamespace namespace;

    ScalableDimension(String awsName, ServiceNamespace namespace) {
        this.awsName = awsName;
        this.namespace = namespace;
    }

    public String awsName() {
        return awsName;
    }

    public ServiceNamespace namespace() {
        return namespace;
    }

    public static ScalableDimension parse(String value) {
        ValidationErrors.required(value, "ScalableDimension");
        for (ScalableDimension dimension : values()) {
            if (dimension.awsName.equals(value)) {
                return dimension;
            }
        }
        throw ValidationErrors.invalid("ScalableDimension", "must be ecs:service:DesiredCount");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
