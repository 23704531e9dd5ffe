package dev.berth.common.messaging;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Kafka topics of the platform (DESIGN.md §4) with the key each is partitioned by.
 * Partition counts follow the key's cardinality and how much parallelism its consumers need.
 */
public enum Topic {
    TASK_STATE("berth.task-state", "taskId", 6),
    HOST_STATE("berth.host-state", "hostId", 3),
    HEARTBEATS("berth.heartbeats", "hostId", 6),
    METRICS("berth.metrics", "resourceId", 6),
    LOGS("berth.logs", "logGroup/logStream", 6),
    SCALING_ACTIONS("berth.scaling-actions", "resourceId", 3),
    SCALING_RESULTS("berth.scaling-results", "resourceId", 3),
    LIFECYCLE("berth.lifecycle", "instanceId", 3),
    LIFECYCLE_RESULTS("berth.lifecycle-results", "instanceId", 3),
    EVENTS("berth.events", "tenant", 6);

    private final String topicName;
    private final String key;
    private final int partitions;

    Topic(String topicName, String key, int partitions) {
        this.topicName = topicName;
        this.key = key;
        this.partitions = partitions;
    }

    public String topicName() {
        return topicName;
    }

    /** What the record key is: consumers rely on it for per-key ordering. */
    public String key() {
        return key;
    }

    public int partitions() {
        return partitions;
    }

    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }
}
