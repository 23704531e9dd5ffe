package dev.berth.autoscaler.alarms;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Where the actions of an alarm go once an evaluation (or SetAlarmState) committed: the scaling policies run
 * theirs. Called with the actions {@link AlarmActions#toRun} chose, never with an empty list; a failure is
 * logged and does not undo the state change.
 */
public interface AlarmActionSink {

    Uni<Void> run(String tenant, AlarmDefinition alarm, Evaluation evaluation, List<String> actionArns);

    /** Which ARNs are scaling policies, whose actions repeat at every evaluation while the alarm stays in ALARM. */
    default boolean isScalingPolicy(String actionArn) {
        return actionArn.contains(":scalingPolicy:");
    }
}
