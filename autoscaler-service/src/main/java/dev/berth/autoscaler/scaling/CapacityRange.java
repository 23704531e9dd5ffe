package dev.berth.autoscaler.scaling;

/** MinCapacity and MaxCapacity of a scalable target: 0 ≤ min ≤ max (an ECS service may scale to zero). */
public record CapacityRange(int min, int max) {

    public CapacityRange {
        if (min < 0) {
            throw ValidationErrors.invalid("MinCapacity", "must be at least 0, got " + min);
        }
        if (max < 0) {
            throw ValidationErrors.invalid("MaxCapacity", "must be at least 0, got " + max);
        }
        if (min > max) {
            throw ValidationErrors.invalid("MinCapacity", "must not be greater than MaxCapacity (" + min + " > " + max + ")");
        }
    }

    public int clamp(int count) {
        return Math.clamp(count, min, max);
    }

    public boolean contains(int count) {
        return count >= min && count <= max;
    }
}
