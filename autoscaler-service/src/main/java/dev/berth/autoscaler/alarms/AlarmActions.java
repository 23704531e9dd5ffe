package dev.berth.autoscaler.alarms;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which of an alarm's actions run after an evaluation (or a SetAlarmState). Actions run on a change of
 * state, those of the new state. A scaling policy bound to AlarmActions runs again at every evaluation
 * while the alarm stays in ALARM, as AWS repeats an Auto Scaling action each period the alarm remains in
 * the state; other actions (notifications) run once per change. With ActionsEnabled false nothing runs.
 */
public final class AlarmActions {

    private AlarmActions() {
    }

    /** @param isScalingPolicy tells which action ARNs are scaling policies */
    public static List<String> toRun(AlarmDefinition definition, AlarmState before, AlarmState after,
                                     Predicate<String> isScalingPolicy) {
        if (!definition.actionsEnabled()) {
            return List.of();
        }
        if (before != after) {
            return definition.actionsFor(after);
        }
        if (after == AlarmState.ALARM) {
            return definition.alarmActions().stream().filter(isScalingPolicy).toList();
        }
        return List.of();
    }

    public static List<String> toRun(AlarmDefinition definition, Evaluation evaluation, Predicate<String> isScalingPolicy) {
        return toRun(definition, evaluation.previousState(), evaluation.newState(), isScalingPolicy);
    }
}
