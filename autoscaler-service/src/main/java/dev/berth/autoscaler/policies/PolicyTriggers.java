package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.alarms.AlarmSnapshot;
import dev.berth.autoscaler.scaling.AlarmReading;
import dev.berth.autoscaler.scaling.PolicyTrigger;
import dev.berth.autoscaler.scaling.StepScalingConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A target's policies with their alarms as the decider reads them. Target tracking reads its own alarms
 * with their latest datapoint; step scaling reads every alarm whose AlarmActions name the policy, with the
 * datapoints of its last evaluation aggregated by the policy's MetricAggregationType. A policy whose alarm is
 * gone, or a step policy no alarm acts on, takes no part.
 */
public final class PolicyTriggers {

    private PolicyTriggers() {
    }

    public static List<PolicyTrigger> of(List<StoredPolicy> policies, List<AlarmSnapshot> alarms) {
        Map<String, AlarmSnapshot> byName = alarms.stream()
                .collect(Collectors.toMap(AlarmSnapshot::alarmName, Function.identity(), (a, b) -> a));
        List<PolicyTrigger> triggers = new ArrayList<>();
        for (StoredPolicy policy : policies) {
            switch (policy.configuration()) {
                case PolicyConfiguration.TargetTracking tracking -> {
                    List<String> names = policy.alarmNames();
                    AlarmSnapshot high = names.isEmpty() ? null : byName.get(names.get(0));
                    AlarmSnapshot low = names.size() < 2 ? null : byName.get(names.get(1));
                    boolean lowMissing = tracking.configuration().scaleInEnabled() && low == null;
                    if (high != null && !lowMissing) {
                        triggers.add(new PolicyTrigger.TargetTracking(policy.name(), tracking.configuration(), latest(high),
                                low == null ? null : latest(low)));
                    }
                }
                case PolicyConfiguration.Step step -> alarms.stream()
                        .filter(alarm -> alarm.alarmActions().contains(policy.arn()))
                        .forEach(alarm -> triggers.add(new PolicyTrigger.Step(policy.name(), step.configuration(),
                                aggregated(alarm, step.configuration()))));
            }
        }
        return triggers;
    }

    static AlarmReading latest(AlarmSnapshot alarm) {
        return new AlarmReading(alarm.alarmName(), alarm.state(), alarm.threshold(), alarm.latestValue());
    }

    static AlarmReading aggregated(AlarmSnapshot alarm, StepScalingConfiguration configuration) {
        Double value = alarm.evaluatedValues().isEmpty() ? null : configuration.metricAggregationType()
                .aggregate(alarm.evaluatedValues().stream().mapToDouble(Double::doubleValue).toArray());
        return new AlarmReading(alarm.alarmName(), alarm.state(), alarm.threshold(), value);
    }
}
