package dev.berth.autoscaler.scaling;

/** Scale out adds tasks, scale in removes them. */
public enum ScalingDirection {
    OUT,
    IN
}
