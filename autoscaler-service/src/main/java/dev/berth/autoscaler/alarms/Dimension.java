package dev.berth.autoscaler.alarms;

/** One Name/Value pair of the alarm's metric, as CloudWatch's Dimension shape. */
public record Dimension(String name, String value) {
}
