package dev.berth.autoscaler.metrics;

import dev.berth.common.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** The statistics a call asks for, by CloudWatch's rules; percentiles are refused, statistic sets cannot give them. */
public final class StatisticsQueries {

    public static final int MAX_STATISTICS = 5;
    static final String NO_PERCENTILES = "percentiles are not available: Berth keeps statistic sets (SampleCount, "
            + "Sum, Minimum, Maximum), from which SampleCount, Average, Sum, Minimum and Maximum are exact";

    private StatisticsQueries() {
    }

    /** GetMetricStatistics' Statistics and ExtendedStatistics: 1 to 5 simple statistics. */
    public static List<Statistic> statistics(List<String> statistics, List<String> extendedStatistics) {
        if (extendedStatistics != null && !extendedStatistics.isEmpty()) {
            throw new InvalidInputException("ExtendedStatistics", NO_PERCENTILES);
        }
        if (statistics == null || statistics.isEmpty()) {
            throw new InvalidInputException("Statistics", "required: 1 to " + MAX_STATISTICS
                    + " of SampleCount, Average, Sum, Minimum, Maximum");
        }
        if (statistics.size() > MAX_STATISTICS) {
            throw new InvalidInputException("Statistics", "at most " + MAX_STATISTICS + ", got " + statistics.size());
        }
        List<Statistic> parsed = new ArrayList<>();
        for (int i = 0; i < statistics.size(); i++) {
            String field = "Statistics[" + i + "]";
            Statistic s = stat(field, statistics.get(i));
            if (parsed.contains(s)) {
                throw new InvalidInputException(field, s.wireName() + " is asked for twice");
            }
            parsed.add(s);
        }
        return parsed;
    }

    /** A GetMetricData Stat: one of the simple statistics. */
    public static Statistic stat(String field, String stat) {
        if (stat == null || stat.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        return Statistic.of(stat).orElseThrow(() -> new InvalidInputException(field,
                looksExtended(stat) ? NO_PERCENTILES : "not a statistic: " + stat
                        + " (SampleCount, Average, Sum, Minimum or Maximum)"));
    }

    private static boolean looksExtended(String stat) {
        String lower = stat.toLowerCase();
        return lower.startsWith("p") || lower.startsWith("t") || lower.startsWith("w") || lower.equals("iqm")
                || lower.startsWith("pr(") || lower.startsWith("tc(") || lower.startsWith("ts(");
    }
}
