package dev.berth.scheduler.placement;

import dev.berth.scheduler.placement.query.ClusterQuery;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cluster's hosts as placement works on them: what each has left kept in plain arrays, so a
 * decision over thousands of hosts is a few passes over ints. Built once from snapshots and then
 * kept current by {@link #place} / {@link #unplace}. Columns that not every request needs (tasks
 * of a group per host, an attribute's values, which hosts match a memberOf query) are built the
 * first time they are asked for and then kept up to date. Not thread-safe: one planner at a time.
 */
public final class ClusterState {

    private final HostSnapshot[] hosts;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final int[] cpu;
    private final int[] memory;
    private final boolean[] takesTasks;
    private final int[] candidates;
    private final List<Set<String>> placedPorts;
    private final List<Map<String, Integer>> placedGroups;
    private final Map<String, int[]> groupColumns = new HashMap<>();
    private final Map<String, AttributeColumn> attributeColumns = new HashMap<>();
    private final Map<String, BitSet> queryMatches = new HashMap<>();
    private final Map<String, Map<String, int[]>> tasksPerValue = new HashMap<>();
    private final Map<String, Boolean> attributeOnAnyHost = new HashMap<>();

    /** Each host's index into {@code values}; hosts without the attribute share the value "". */
    record AttributeColumn(int[] valueOf, int values) {
    }

    private ClusterState(List<HostSnapshot> snapshots) {
        hosts = snapshots.toArray(HostSnapshot[]::new);
        cpu = new int[hosts.length];
        memory = new int[hosts.length];
        takesTasks = new boolean[hosts.length];
        candidates = new int[hosts.length];
        placedPorts = new ArrayList<>(hosts.length);
        placedGroups = new ArrayList<>(hosts.length);
        for (int i = 0; i < hosts.length; i++) {
            indexById.put(hosts[i].instanceId(), i);
            cpu[i] = hosts[i].remainingCpu();
            memory[i] = hosts[i].remainingMemory();
            takesTasks[i] = hosts[i].active() && hosts[i].agentConnected();
            placedPorts.add(null);
            placedGroups.add(null);
        }
    }

    /** Plans do not depend on the order hosts come in: they are kept in instance id order. */
    public static ClusterState of(Collection<HostSnapshot> snapshots) {
        List<HostSnapshot> sorted = new ArrayList<>(snapshots);
        sorted.sort(Comparator.comparing(HostSnapshot::instanceId));
        return new ClusterState(sorted);
    }

    public int size() {
        return hosts.length;
    }

    /** The host's index, or -1 when the cluster has no such host. */
    public int indexOf(String instanceId) {
        return indexById.getOrDefault(instanceId, -1);
    }

    HostSnapshot snapshot(int host) {
        return hosts[host];
    }

    String instanceId(int host) {
        return hosts[host].instanceId();
    }

    /** Room for a planner's candidate host indexes, kept so that a decision allocates nothing per host. */
    int[] candidates() {
        return candidates;
    }

    int[] remainingCpu() {
        return cpu;
    }

    int[] remainingMemory() {
        return memory;
    }

    int cpuCapacity(int host) {
        return hosts[host].cpu();
    }

    int memoryCapacity(int host) {
        return hosts[host].memory();
    }

    /** Whether each host is ACTIVE with its agent connected. */
    boolean[] takesTasks() {
        return takesTasks;
    }

    boolean portFree(int host, String key) {
        Set<String> placed = placedPorts.get(host);
        return !hosts[host].usedPorts().contains(key) && (placed == null || !placed.contains(key));
    }

    int runningTasks(int host) {
        int running = 0;
        for (int count : hosts[host].taskGroups().values()) {
            running += count;
        }
        Map<String, Integer> placed = placedGroups.get(host);
        if (placed != null) {
            for (int count : placed.values()) {
                running += count;
            }
        }
        return running;
    }

    /** The groups with at least one task on the host. */
    List<String> groups(int host) {
        Set<String> groups = new HashSet<>();
        hosts[host].taskGroups().forEach((group, count) -> {
            if (count > 0) {
                groups.add(group);
            }
        });
        Map<String, Integer> placed = placedGroups.get(host);
        if (placed != null) {
            placed.forEach((group, count) -> {
                if (count > 0) {
                    groups.add(group);
                }
            });
        }
        return List.copyOf(groups);
    }

    /** How many tasks of the group run on each host. */
    int[] tasksOfGroup(String group) {
        return groupColumns.computeIfAbsent(group, g -> {
            int[] column = new int[hosts.length];
            for (int i = 0; i < hosts.length; i++) {
                Map<String, Integer> placed = placedGroups.get(i);
                column[i] = hosts[i].taskGroups().getOrDefault(g, 0) + (placed == null ? 0 : placed.getOrDefault(g, 0));
            }
            return column;
        });
    }

    AttributeColumn attribute(String name) {
        return attributeColumns.computeIfAbsent(name, n -> {
            Map<String, Integer> values = new HashMap<>();
            int[] valueOf = new int[hosts.length];
            for (int i = 0; i < hosts.length; i++) {
                String value = BuiltInAttributes.valueOf(hosts[i].attributes(), n);
                valueOf[i] = values.computeIfAbsent(value == null ? "" : value, v -> values.size());
            }
            return new AttributeColumn(valueOf, values.size());
        });
    }

    /** Whether at least one host has the attribute (ECS's built-in names read as Berth's). */
    boolean anyHostHas(String attribute) {
        return attributeOnAnyHost.computeIfAbsent(attribute, a -> {
            for (HostSnapshot host : hosts) {
                if (BuiltInAttributes.has(host.attributes(), a)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** How many tasks of the group run on hosts with each value of the attribute, by the attribute column's value index. */
    int[] tasksPerValue(String group, String attribute) {
        return tasksPerValue.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(attribute, a -> {
            AttributeColumn column = attribute(a);
            int[] tasks = tasksOfGroup(group);
            int[] perValue = new int[column.values()];
            for (int host = 0; host < tasks.length; host++) {
                perValue[column.valueOf()[host]] += tasks[host];
            }
            return perValue;
        });
    }

    /** The hosts a query that reads no task subject matches; such an answer does not change with placements. */
    BitSet matching(ClusterQuery query) {
        if (query.readsTasks()) {
            throw new IllegalArgumentException("a query on task subjects is evaluated per placement");
        }
        return queryMatches.computeIfAbsent(query.toString(), q -> {
            BitSet matches = new BitSet(hosts.length);
            for (int i = 0; i < hosts.length; i++) {
                if (query.matches(new HostView(this, i))) {
                    matches.set(i);
                }
            }
            return matches;
        });
    }

    /** Takes the task's resources, ports and group count on the host. */
    void place(int host, TaskDemand demand, List<String> portKeys) {
        change(host, demand, portKeys, 1);
    }

    /** Gives back what {@link #place} took. */
    void unplace(int host, TaskDemand demand, List<String> portKeys) {
        change(host, demand, portKeys, -1);
    }

    private void change(int host, TaskDemand demand, List<String> portKeys, int sign) {
        cpu[host] -= sign * demand.cpu();
        memory[host] -= sign * demand.memory();
        if (placedPorts.get(host) == null) {
            placedPorts.set(host, new HashSet<>());
            placedGroups.set(host, new HashMap<>());
        }
        if (sign > 0) {
            placedPorts.get(host).addAll(portKeys);
        } else {
            portKeys.forEach(placedPorts.get(host)::remove);
        }
        placedGroups.get(host).merge(demand.group(), sign, Integer::sum);
        int[] column = groupColumns.get(demand.group());
        if (column != null) {
            column[host] += sign;
        }
        Map<String, int[]> perValue = tasksPerValue.get(demand.group());
        if (perValue != null) {
            perValue.forEach((attribute, counts) -> counts[attributeColumns.get(attribute).valueOf()[host]] += sign);
        }
    }
}
