package dev.berth.autoscaler.scaling;

import java.util.Set;

/** The AWS service that owns a scalable resource. Berth scales ECS services only. */
public enum ServiceNamespace {
    ECS("ecs");

    /** botocore's other values: known to AWS, refused by Berth with a message that says so. */
    private static final Set<String> OTHER_AWS_NAMESPACES = Set.of("elasticmapreduce", "ec2", "appstream", "dynamodb",
            "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache",
            "neptune", "workspaces");

    private final String awsName;

    ServiceNamespace(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static ServiceNamespace parse(String value) {
        ValidationErrors.required(value, "ServiceNamespace");
        if (ECS.awsName.equals(value)) {
            return ECS;
        }
        if (OTHER_AWS_NAMESPACES.contains(value)) {
            throw ValidationErrors.invalid("ServiceNamespace", "'" + value + "' is not supported: Berth scales ecs services only");
        }
        throw ValidationErrors.invalid("ServiceNamespace", "must be ecs");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
