package dev.berth.logs.metricfilters;

import java.util.List;

/** TestMetricFilter's answer: the messages the pattern matched. */
public record TestMetricFilterResponse(List<TestMatch> matches) {

    /** A message that matched, numbered from 1 as CloudWatch numbers them. */
    public record TestMatch(int eventNumber, String eventMessage) {
    }
}
