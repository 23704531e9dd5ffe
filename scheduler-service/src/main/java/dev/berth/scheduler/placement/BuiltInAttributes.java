package dev.berth.scheduler.placement;

import java.util.Map;

/**
 * The attributes every host reports, under Berth's names and under ECS's: a strategy, constraint
 * or query that names {@code ecs.availability-zone} (as ECS task definitions and services do)
 * reads the host's {@code berth.availability-zone}. The one table of these names.
 */
public final class BuiltInAttributes {

    /** ECS's built-in attribute to the one Berth's agent reports the same fact as. */
    static final Map<String, String> BERTH_NAME_OF_ECS_NAME = Map.of(
            "ecs.availability-zone", "berth.availability-zone",
            "ecs.instance-type", "berth.instance-type",
            "ecs.os-type", "berth.os-type",
            "ecs.cpu-architecture", "berth.cpu-architecture");

    /** Berth's agent reports the JVM's names of cpu architectures; ECS's attribute has its own. */
    private static final Map<String, String> ECS_CPU_ARCHITECTURE = Map.of("amd64", "x86_64", "aarch64", "arm64");

    private BuiltInAttributes() {
    }

    /**
     * The host's value of the attribute {@code name}, or null when it has none. An ECS name reads
     * Berth's attribute (with ECS's values: {@code x86_64}, not {@code amd64}), or, on a host
     * without that, an attribute an admin set under the ECS name.
     */
    public static String valueOf(Map<String, String> attributes, String name) {
        String berthName = BERTH_NAME_OF_ECS_NAME.get(name);
        String value = berthName == null ? null : attributes.get(berthName);
        if (value == null) {
            return attributes.get(name);
        }
        return name.equals("ecs.cpu-architecture") ? ECS_CPU_ARCHITECTURE.getOrDefault(value, value) : value;
    }

    /** Whether the host has the attribute {@code name} (with or without a value), ECS names read as Berth's. */
    static boolean has(Map<String, String> attributes, String name) {
        String berthName = BERTH_NAME_OF_ECS_NAME.get(name);
        return attributes.containsKey(name) || (berthName != null && attributes.containsKey(berthName));
    }
}
