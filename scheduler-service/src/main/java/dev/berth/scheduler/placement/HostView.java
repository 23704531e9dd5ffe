package dev.berth.scheduler.placement;

import dev.berth.scheduler.placement.query.QuerySubject;
import java.util.List;

/** One host of a cluster state as the cluster query language sees it. */
record HostView(ClusterState cluster, int host) implements QuerySubject {

    @Override
    public List<String> values(String subject) {
        HostSnapshot snapshot = cluster.snapshot(host);
        return switch (subject) {
            case "agentConnected" -> List.of(String.valueOf(snapshot.agentConnected()));
            case "agentVersion" -> snapshot.agentVersion() == null ? List.of() : List.of(snapshot.agentVersion());
            case "ec2InstanceId", "instanceId" -> List.of(snapshot.instanceId());
            case "registeredAt" -> snapshot.registeredAt() == null ? List.of() : List.of(snapshot.registeredAt().toString());
            case "runningTasksCount" -> List.of(String.valueOf(cluster.runningTasks(host)));
            case "task:group" -> cluster.groups(host);
            default -> {
                String value = subject.startsWith("attribute:")
                        ? BuiltInAttributes.valueOf(snapshot.attributes(), subject.substring("attribute:".length())) : null;
                yield value == null ? List.of() : List.of(value);
            }
        };
    }
}
