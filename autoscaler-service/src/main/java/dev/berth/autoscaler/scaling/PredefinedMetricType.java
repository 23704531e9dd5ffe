package dev.berth.autoscaler.scaling;

/**
 * The predefined metrics of target tracking for ECS services. AWS's two HighResolution types are taken as
 * their standard metric with Berth's high-resolution evaluation turned on.
 */
public enum PredefinedMetricType {
    ECS_SERVICE_AVERAGE_CPU_UTILIZATION("ECSServiceAverageCPUUtilization", "AWS/ECS", "CPUUtilization", false),
    ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION("ECSServiceAverageMemoryUtilization", "AWS/ECS", "MemoryUtilization", false),
    ALB_REQUEST_COUNT_PER_TARGET("ALBRequestCountPerTarget", "AWS/ApplicationELB", "RequestCountPerTarget", false),
    ECS_SERVICE_AVERAGE_CPU_UTILIZATION_HIGH_RESOLUTION("ECSServiceAverageCPUUtilizationHighResolution", "AWS/ECS",
            "CPUUtilization", true),
    ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION_HIGH_RESOLUTION("ECSServiceAverageMemoryUtilizationHighResolution", "AWS/ECS",
            "MemoryUtilization", true);

    private final String awsName;
    private final String namespace;
    private final String metricName;
    private final boolean highResolution;

    PredefinedMetricType(String awsName, String namespace, String metricName, boolean highResolution) {
        this.awsName = awsName;
        this.namespace = namespace;
        this.metricName = metricName;
        this.highResolution = highResolution;
    }

    public String awsName() {
        return awsName;
    }

    public String namespace() {
        return namespace;
    }

    public String metricName() {
        return metricName;
    }

    public boolean highResolution() {
        return highResolution;
    }

    static PredefinedMetricType parse(String value, String field) {
        ValidationErrors.required(value, field);
        for (PredefinedMetricType type : values()) {
            if (type.awsName.equals(value)) {
                return type;
            }
        }
        throw ValidationErrors.invalid(field, "'" + value + "' is not a metric of ECS services: use ECSServiceAverageCPUUtilization, "
                + "ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
