package dev.berth.autoscaler.alarms;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a metric alarm: takes the datapoints of the alarm's metric, one per period (already
 * aggregated with the alarm's statistic), and tells the state they put the alarm in and why.
 */
public final class AlarmEvaluator {

    private AlarmEvaluator() {
    }

    /**
     * @param datapoints the metric's datapoints around {@code now}; those outside the
     *                   {@linkplain EvaluationRange evaluation range} or not at a period's start are not
     *                   looked at, two for one period are refused
     */
    public static Evaluation evaluate(AlarmDefinition definition, AlarmState current, Instant now,
                                      Collection<Datapoint> datapoints) {
        StateDecision decision = StateDecider.decide(definition, slots(definition, now, datapoints));
        return decision.state()
                .map(state -> new Evaluation(current, state,
                        Optional.of(StateReasons.of(definition, decision, state, now))))
                .orElseGet(() -> new Evaluation(current, current, Optional.empty()));
    }

    /**
     * The real datapoints an evaluation at {@code now} counts, oldest first — the same ones that decide the
     * state, so up to EvaluationPeriods of them, reaching back past missing periods within the range: what a
     * scaling policy acts on (the latest for target tracking, an aggregate for step scaling).
     */
    public static List<Double> evaluatedValues(AlarmDefinition definition, Instant now, Collection<Datapoint> datapoints) {
        return StateDecider.decide(definition, slots(definition, now, datapoints)).evaluated().stream()
                .filter(slot -> !slot.isMissing()).map(slot -> slot.datapoint().value()).toList();
    }

    /** Every period of the evaluation range with its datapoint, oldest first. */
    private static List<PeriodSlot> slots(AlarmDefinition definition, Instant now, Collection<Datapoint> datapoints) {
        EvaluationRange range = EvaluationRange.of(definition.period(), definition.evaluationPeriods(), now);
        Map<Instant, Datapoint> byPeriod = new HashMap<>();
        for (Datapoint datapoint : datapoints) {
            if (range.isPeriodStart(datapoint.periodStart())
                    && byPeriod.putIfAbsent(datapoint.periodStart(), datapoint) != null) {
                throw new IllegalArgumentException("two datapoints for the period starting " + datapoint.periodStart());
            }
        }
        return range.periodStarts().stream().map(start -> new PeriodSlot(start, byPeriod.get(start))).toList();
    }
}
