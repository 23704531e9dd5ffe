package dev.berth.autoscaler.scheduledactions;

import java.util.Optional;

/**
 * A scalable target's bounds and its resource's desired count, and what a scheduled action makes
 * of them: the action's bounds replace the ones it names; a count below the new minimum scales
 * out to it, one above the new maximum scales in to it, any other stays (cooldowns do not apply).
 */
public record ScheduledCapacity(int minCapacity, int maxCapacity, int desiredCount) {

    /** What running the action changes, or empty when its bounds contradict the ones it leaves. */
    public Optional<ScheduledCapacity> after(ScheduledAction action) {
        int min = action.minCapacity() != null ? action.minCapacity() : minCapacity;
        int max = action.maxCapacity() != null ? action.maxCapacity() : maxCapacity;
        if (min > max) {
            return Optional.empty();
        }
        return Optional.of(new ScheduledCapacity(min, max, Math.max(min, Math.min(max, desiredCount))));
    }

    /** AWS's texts for the activity that sets the bounds. */
    public static String boundsDescription(ScheduledAction action) {
        if (action.minCapacity() != null && action.maxCapacity() != null) {
            return "Setting min capacity to " + action.minCapacity() + " and max capacity to " + action.maxCapacity();
        }
        return action.minCapacity() != null ? "Setting min capacity to " + action.minCapacity()
                : "Setting max capacity to " + action.maxCapacity();
    }

    /** AWS's StatusMessage once the bounds are set: "Successfully set min capacity to 15 and max capacity to 20". */
    public static String boundsStatusMessage(ScheduledAction action) {
        return "Successfully set" + boundsDescription(action).substring("Setting".length());
    }

    public static String boundsCause(ScheduledAction action) {
        return "scheduled action name " + action.name() + " was triggered";
    }

    /** The cause of the count change a new bound forces: "minimum capacity was set to 15". */
    public String countCause(ScheduledCapacity before) {
        return desiredCount > before.desiredCount() ? "minimum capacity was set to " + minCapacity
                : "maximum capacity was set to " + maxCapacity;
    }
}
