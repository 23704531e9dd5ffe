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
    // what this run placed here, on top of the snapshot; most hosts get nothing, so nothing is copied up front
    private Set<String> placedPorts;
    private Map<String, Integer> placedGroups;
    private int placedTasks;

    CandidateHost(HostSnapshot snapshot) {
        this.snapshot = snapshot;
        this.remainingCpu = snapshot.remainingCpu();
        this.remainingMemory = snapshot.remainingMemory();
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
        return !snapshot.usedPorts().contains(key) && (placedPorts == null || !placedPorts.contains(key));
    }

    int tasksOfGroup(String group) {
        int running = snapshot.taskGroups().getOrDefault(group, 0);
        return placedGroups == null ? running : running + placedGroups.getOrDefault(group, 0);
    }

    void place(TaskDemand demand, List<String> portKeys) {
        remainingCpu -= demand.cpu();
        remainingMemory -= demand.memory();
        if (placedPorts == null) {
            placedPorts = new HashSet<>();
            placedGroups = new HashMap<>();
        }
        placedPorts.addAll(portKeys);
        placedGroups.merge(demand.group(), 1, Integer::sum);
        placedTasks++;
    }

    private int runningTasks() {
        int running = placedTasks;
        for (int count : snapshot.taskGroups().values()) {
            running += count;
        }
        return running;
    }

    private List<String> groups() {
        Set<String> groups = new HashSet<>();
        snapshot.taskGroups().forEach((group, count) -> {
            if (count > 0) {
                groups.add(group);
            }
        });
        if (placedGroups != null) {
            groups.addAll(placedGroups.keySet());
        }
        return List.copyOf(groups);
    }

    @Override
    public List<String> values(String subject) {
        return switch (subject) {
            case "agentConnected" -> List.of(String.valueOf(snapshot.agentConnected()));
            case "agentVersion" -> snapshot.agentVersion() == null ? List.of() : List.of(snapshot.agentVersion());
            case "ec2InstanceId", "instanceId" -> List.of(snapshot.instanceId());
            case "registeredAt" -> snapshot.registeredAt() == null ? List.of() : List.of(snapshot.registeredAt().toString());
            case "runningTasksCount" -> List.of(String.valueOf(runningTasks()));
            case "task:group" -> groups();
            default -> {
                String value = subject.startsWith("attribute:")
                        ? snapshot.attributes().get(subject.substring("attribute:".length())) : null;
                yield value == null ? List.of() : List.of(value);
            }
        };
    }
}
