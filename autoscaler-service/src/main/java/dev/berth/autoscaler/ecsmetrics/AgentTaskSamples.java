package dev.berth.autoscaler.ecsmetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the agents' per-task points into task samples. Per task and report the agent sends, in
 * namespace {@code Berth/ECS}, {@code CpuUtilized}, {@code CpuReserved} and {@code MemoryReserved}
 * with the dimensions ClusterName, [ServiceName,] TaskId and TaskDefinitionFamily, and
 * {@code MemoryUtilized} with ClusterName, [ServiceName,] TaskId. The four of one task with the
 * same timestamp make a sample; a task missing one of them (its first report has no cpu yet) gives
 * none. Container and host points (ContainerName, ContainerInstanceId) are not the task's.
 */
public final class AgentTaskSamples {

    public static final String AGENT_NAMESPACE = "Berth/ECS";

    private static final List<String> NAMES = List.of("CpuUtilized", "CpuReserved", "MemoryUtilized", "MemoryReserved");

    private record Key(String cluster, String taskId, Instant at) {
    }

    private AgentTaskSamples() {
    }

    /** The complete samples among {@code points}, oldest first. */
    public static List<TaskSample> of(List<AgentPoint> points) {
        Map<Key, Map<String, Double>> values = new LinkedHashMap<>();
        Map<Key, AgentPoint> described = new HashMap<>();
        for (AgentPoint point : points) {
            Map<String, String> dims = point.dimensions();
            if (!point.namespace().equals(AGENT_NAMESPACE) || !NAMES.contains(point.name())
                    || !dims.containsKey("ClusterName") || !dims.containsKey("TaskId")
                    || dims.containsKey("ContainerName") || dims.containsKey("ContainerInstanceId")) {
                continue;
            }
            Key key = new Key(dims.get("ClusterName"), dims.get("TaskId"), point.timestamp());
            values.computeIfAbsent(key, k -> new HashMap<>()).put(point.name(), point.value());
            if (dims.containsKey("TaskDefinitionFamily")) {
                described.put(key, point);
            }
        }
        List<TaskSample> samples = new ArrayList<>();
        values.forEach((key, named) -> {
            AgentPoint description = described.get(key);
            if (description != null && named.keySet().containsAll(NAMES)) {
                Map<String, String> dims = description.dimensions();
                samples.add(new TaskSample(key.cluster(), dims.get("ServiceName"), key.taskId(),
                        dims.get("TaskDefinitionFamily"), key.at(), named.get("CpuUtilized"), named.get("CpuReserved"),
                        named.get("MemoryUtilized"), named.get("MemoryReserved")));
            }
        });
        samples.sort(Comparator.comparing(TaskSample::at).thenComparing(TaskSample::taskId));
        return samples;
    }
}
