package dev.berth.scheduler.placement;

import dev.berth.scheduler.placement.query.QuerySubject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A host during one planning run: its snapshot plus what the run has already placed on it. */
final class CandidateHost implements QuerySubject {

    private final HostSnapshot snapshot;
    private int remainingCpu;
    private int remainingMemory;
    private final Set<String> usedPorts;
    private final Map<String, Integer> taskGroups;
    private int runningTasks;

    CandidateHost(HostSnapshot snapshot) {
        this.snapshot = snapshot;
        this.remainingCpu = snapshot.remainingCpu();
        this.remainingMemory = snapshot.remainingMemory();
        this.usedPorts = new HashSet<>(snapshot.usedPorts());
        this.taskGroups = new HashMap<>(snapshot.taskGroups());
        this.runningTasks = taskGroups.values().stream().mapToInt(Integer::intValue).sum();
    }

    HostSnapshot snapshot() {
        return snapshot;
    }

    String instanceId() {
        return snapshot.instanceId();
    }

    int remainingCpu() {
        return remainingCpu;
    }

    int remainingMemory() {
        return remainingMemory;
    }

    boolean portFree(String key) {
        return !usedPorts.contains(key);
    }

    int tasksOfGroup(String group) {
        return taskGroups.getOrDefault(group, 0);
    }

    void place(TaskDemand demand, List<String> portKeys) {
        remainingCpu -= demand.cpu();
        remainingMemory -= demand.memory();
        usedPorts.addAll(portKeys);
        taskGroups.merge(demand.group(), 1, Integer::sum);
        runningTasks++;
    }

    @Override
    public List<String> values(String subject) {
        return switch (subject) {
            case "agentConnected" -> List.of(String.valueOf(snapshot.agentConnected()));
            case "agentVersion" -> snapshot.agentVersion() == null ? List.of() : List.of(snapshot.agentVersion());
            case "ec2InstanceId", "instanceId" -> List.of(snapshot.instanceId());
            case "registeredAt" -> snapshot.registeredAt() == null ? List.of() : List.of(snapshot.registeredAt().toString());
            case "runningTasksCount" -> List.of(String.valueOf(runningTasks));
            case "task:group" -> taskGroups.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            default -> {
                String value = subject.startsWith("attribute:")
                        ? snapshot.attributes().get(subject.substring("attribute:".length())) : null;
                yield value == null ? List.of() : List.of(value);
            }
        };
    }
}
