package dev.berth.autoscaler.alarms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * M of N with TreatMissingData as CloudWatch's user guide ("How alarm state is evaluated when data is
 * missing") describes it and as its tables show (MissingDataTableTest holds every row):
 * <ul>
 * <li>N or more real datapoints in the range: the N most recent real ones decide, reaching back past
 * missing periods; TreatMissingData is not consulted.</li>
 * <li>Fewer: every real datapoint counts, completed to N by as few missing periods as needed (the most
 * recent ones). {@code breaching} and {@code notBreaching} count those as breaching or not.</li>
 * <li>{@code missing} and {@code ignore} decide on the real datapoints alone: M breaching ones is ALARM,
 * else any non-breaching one is OK. With only breaching ones, fewer than M, {@code missing} goes to ALARM
 * when the oldest breach is at least M periods old (the guide's rule against premature ALARM:
 * {@code - - X - -} alarms, {@code - - - - X} waits for the next datapoint) and to INSUFFICIENT_DATA
 * otherwise, while {@code ignore} keeps the state. No real datapoint at all: INSUFFICIENT_DATA, or the
 * state kept.</li>
 * </ul>
 * Breaching datapoints need not be consecutive. The guide's prose would also apply the premature-ALARM
 * rule when an older datapoint is fine, but its own table ({@code 0 - X - -}, 2 of 3, missing: OK) and
 * CloudWatch do not, so a non-breaching datapoint is checked first.
 */
final class StateDecider {

    private StateDecider() {
    }

    /** @param range every period of the evaluation range, oldest first */
    static StateDecision decide(AlarmDefinition definition, List<PeriodSlot> range) {
        int n = definition.evaluationPeriods();
        int m = definition.requiredBreaches();
        List<PeriodSlot> real = range.stream().filter(slot -> !slot.isMissing()).toList();
        if (real.size() >= n) {
            List<PeriodSlot> evaluated = real.subList(real.size() - n, real.size());
            return decided(breaching(definition, evaluated) >= m ? AlarmState.ALARM : AlarmState.OK, evaluated, 0);
        }
        List<PeriodSlot> evaluated = withFewestMissing(range, real, n);
        int missing = n - real.size();
        long realBreaching = breaching(definition, real);
        return switch (definition.treatMissingData()) {
            case BREACHING -> decided(realBreaching + missing >= m ? AlarmState.ALARM : AlarmState.OK, evaluated, missing);
            case NOT_BREACHING -> decided(realBreaching >= m ? AlarmState.ALARM : AlarmState.OK, evaluated, missing);
            case MISSING, IGNORE -> fromRealOnly(definition, range, real, realBreaching, evaluated);
        };
    }

    private static StateDecision fromRealOnly(AlarmDefinition definition, List<PeriodSlot> range, List<PeriodSlot> real,
                                              long realBreaching, List<PeriodSlot> evaluated) {
        int m = definition.requiredBreaches();
        boolean keepState = definition.treatMissingData() == TreatMissingData.IGNORE;
        if (!real.isEmpty() && realBreaching >= m) {
            return decided(AlarmState.ALARM, evaluated, 0);
        }
        if (realBreaching < real.size()) {
            return decided(AlarmState.OK, evaluated, 0);
        }
        if (!real.isEmpty() && !keepState && ageOfOldest(range, real.getFirst()) >= m) {
            return decided(AlarmState.ALARM, evaluated, 0);
        }
        return new StateDecision(keepState ? Optional.empty() : Optional.of(AlarmState.INSUFFICIENT_DATA), evaluated, 0);
    }

    /** All real periods and the most recent missing ones, N in all, oldest first. */
    private static List<PeriodSlot> withFewestMissing(List<PeriodSlot> range, List<PeriodSlot> real, int n) {
        List<PeriodSlot> missing = range.stream().filter(PeriodSlot::isMissing).toList();
        List<PeriodSlot> evaluated = new ArrayList<>(real);
        evaluated.addAll(missing.subList(missing.size() - (n - real.size()), missing.size()));
        evaluated.sort(Comparator.comparing(PeriodSlot::periodStart));
        return List.copyOf(evaluated);
    }

    /** 1 for the newest period of the range. */
    private static int ageOfOldest(List<PeriodSlot> range, PeriodSlot slot) {
        return range.size() - range.indexOf(slot);
    }

    private static long breaching(AlarmDefinition definition, List<PeriodSlot> slots) {
        return slots.stream().filter(slot -> slot.breaches(definition)).count();
    }

    private static StateDecision decided(AlarmState state, List<PeriodSlot> evaluated, int filled) {
        return new StateDecision(Optional.of(state), List.copyOf(evaluated), filled);
    }
}
