package dev.berth.autoscaler.metrics;

/** The statistic set of one period of a query, by the period's index from the window's start. */
public record PeriodSet(long index, StandardUnit unit, SampleSet set) {
}
