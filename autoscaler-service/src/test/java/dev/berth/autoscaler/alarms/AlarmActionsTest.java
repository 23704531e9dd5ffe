package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmActionsTest {

    private static final String POLICY = "arn:berth:autoscaling::acme:scalingPolicy/web-out";
    private static final String TOPIC = "arn:berth:events::acme:rule/page-oncall";
    private static final String OK_POLICY = "arn:berth:autoscaling::acme:scalingPolicy/web-in";
    private static final String OK_TOPIC = "arn:berth:events::acme:rule/all-clear";
    private static final String DATA_TOPIC = "arn:berth:events::acme:rule/no-data";
    private static final Predicate<String> IS_POLICY = arn -> arn.contains(":scalingPolicy/");

    @ParameterizedTest(name = "{0} -> {1}, enabled {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            OK                | ALARM             | true  | POLICY TOPIC
            INSUFFICIENT_DATA | ALARM             | true  | POLICY TOPIC
            ALARM             | ALARM             | true  | POLICY
            ALARM             | OK                | true  | OK_POLICY OK_TOPIC
            OK                | OK                | true  |
            INSUFFICIENT_DATA | OK                | true  | OK_POLICY OK_TOPIC
            ALARM             | INSUFFICIENT_DATA | true  | DATA_TOPIC
            INSUFFICIENT_DATA | INSUFFICIENT_DATA | true  |
            OK                | ALARM             | false |
            ALARM             | ALARM             | false |
            ALARM             | OK                | false |
            """)
    void runsTheNewStatesActionsOnAChangeAndRepeatsScalingPoliciesInAlarm(AlarmState before, AlarmState after,
                                                                          boolean actionsEnabled, String expected) {
        AlarmDefinition base = TestAlarms.alarm(3, null, TreatMissingData.MISSING);
        AlarmDefinition alarm = new AlarmDefinition(base.alarmName(), null, base.namespace(), base.metricName(),
                base.dimensions(), base.statistic(), base.period(), null, base.evaluationPeriods(), null, base.threshold(),
                base.comparisonOperator(), base.treatMissingData(), actionsEnabled, List.of(OK_POLICY, OK_TOPIC),
                List.of(POLICY, TOPIC), List.of(DATA_TOPIC));
        List<String> names = expected == null ? List.of() : Arrays.asList(expected.split(" "));
        List<String> arns = names.stream().map(name -> switch (name) {
            case "POLICY" -> POLICY;
            case "TOPIC" -> TOPIC;
            case "OK_POLICY" -> OK_POLICY;
            case "OK_TOPIC" -> OK_TOPIC;
            case "DATA_TOPIC" -> DATA_TOPIC;
            default -> throw new IllegalArgumentException(name);
        }).toList();
        assertEquals(arns, AlarmActions.toRun(alarm, before, after, IS_POLICY));
        assertEquals(arns, AlarmActions.toRun(alarm, new Evaluation(before, after, Optional.empty()), IS_POLICY));
    }
}
