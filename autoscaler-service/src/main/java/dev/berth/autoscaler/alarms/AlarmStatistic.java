package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** What an alarm compares per period: a {@link Statistic} or, as ExtendedStatistic, a percentile. */
public sealed interface AlarmStatistic {

    /** The name as PutMetricAlarm takes it and StateReasonData's {@code statistic} shows it. */
    String awsName();

    record Standard(Statistic statistic) implements AlarmStatistic {
        public Standard {
            Objects.requireNonNull(statistic, "statistic");
        }

        @Override
        public String awsName() {
            return statistic.wireName();
        }
    }

    /**
     * A percentile {@code pNN} or {@code pNN.NN} between p0 and p100. CloudWatch's other extended
     * statistics (trimmed means tm, tc, ts, wm, IQM, PR) are not evaluated by Berth.
     */
    record Percentile(String awsName, double percentile) implements AlarmStatistic {
        private static final Pattern SHAPE = Pattern.compile("p(\\d{1,3})(\\.\\d{1,2})?");

        public Percentile {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile out of [0, 100]: " + percentile);
            }
        }

        /** {@code p99} or {@code p99.9}; empty for anything else (longer input, other statistics, > p100). */
        public static Optional<Percentile> parse(String text) {
            if (text == null || text.length() > 7 || !SHAPE.matcher(text).matches()) {
                return Optional.empty();
            }
            BigDecimal value = new BigDecimal(text.substring(1));
            if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Percentile(text, value.doubleValue()));
        }
    }
}
