package dev.berth.scheduler.placement;

import dev.berth.common.error.InvalidInputException;

/** ECS's placement strategies, applied in the order given. */
public sealed interface PlacementStrategy {

    /**
     * Fill hosts by the least remaining cpu or memory, as ECS does; or, a Berth field, by both
     * ({@code cpuAndMemory}): the host left with the least of the two, counting a host whose cpu
     * and memory left are out of proportion as fuller than it is, so that hosts do not end with
     * cpu no task can use for lack of memory, or the other way round.
     */
    record Binpack(String field) implements PlacementStrategy {
        public static final String CPU_AND_MEMORY = "cpuAndMemory";

        @Override
        public String toString() {
            return "binpack(" + field + ")";
        }
    }

    /** Even out tasks of the group across hosts ({@code instanceId} / {@code host}) or an attribute's values. */
    record Spread(String field) implements PlacementStrategy {
        boolean byHost() {
            return field.equals("instanceId") || field.equals("host");
        }

        /** The attribute spread over, or null when spread over hosts. */
        String attribute() {
            return byHost() ? null : field.substring("attribute:".length());
        }

        @Override
        public String toString() {
            return "spread(" + field + ")";
        }
    }

    /** Any host, chosen with the plan's seeded random source. */
    record Random() implements PlacementStrategy {
        @Override
        public String toString() {
            return "random";
        }
    }

    /**
     * @param at the field the strategy was given in, e.g. {@code placementStrategy[0]}
     * @throws InvalidInputException naming {@code at} and what is wrong
     */
    public static PlacementStrategy of(String at, String type, String field) {
        return switch (type == null ? "" : type) {
            case "binpack" -> {
                if (!"cpu".equals(field) && !"memory".equals(field) && !Binpack.CPU_AND_MEMORY.equals(field)) {
                    throw new InvalidInputException(at, "binpack takes the field cpu, memory or " + Binpack.CPU_AND_MEMORY
                            + ", not '" + field + "'");
                }
                yield new Binpack(field);
            }
            case "spread" -> {
                if (field == null || !(field.equals("instanceId") || field.equals("host")
                        || (field.startsWith("attribute:") && field.length() > "attribute:".length()))) {
                    throw new InvalidInputException(at, "spread takes the field instanceId, host or attribute:<name>, not '"
                            + field + "'");
                }
                yield new Spread(field);
            }
            case "random" -> {
                if (field != null && !field.isBlank()) {
                    throw new InvalidInputException(at, "random takes no field");
                }
                yield new Random();
            }
            default -> throw new InvalidInputException(at, "unknown strategy type '" + type + "' (binpack, spread or random)");
        };
    }
}
