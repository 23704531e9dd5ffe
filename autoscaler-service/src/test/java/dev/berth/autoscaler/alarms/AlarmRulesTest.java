package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import dev.berth.autoscaler.metrics.StandardUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlarmRulesTest {

    private static final String A255 = "a".repeat(255);

    @Test
    void appliesPutMetricAlarmsDefaults() {
        AlarmDefinition alarm = AlarmRules.definitionOf(TestAlarms.values());
        assertEquals("cpu-high", alarm.alarmName());
        assertEquals(TreatMissingData.MISSING, alarm.treatMissingData());
        assertTrue(alarm.actionsEnabled());
        assertNull(alarm.datapointsToAlarm());
        assertEquals(3, alarm.requiredBreaches());
        assertEquals(new AlarmStatistic.Standard(Statistic.AVERAGE), alarm.statistic());
        assertEquals(ComparisonOperator.GREATER_THAN_THRESHOLD, alarm.comparisonOperator());
        assertEquals(List.of(), alarm.alarmActions());
        assertNull(alarm.unit());
    }

    @ParameterizedTest
    @CsvSource({"SampleCount,SAMPLE_COUNT", "Average,AVERAGE", "Sum,SUM", "Minimum,MINIMUM", "Maximum,MAXIMUM"})
    void takesEveryStatistic(String statistic, Statistic expected) {
        assertEquals(new AlarmStatistic.Standard(expected),
                AlarmRules.definitionOf(with(v -> values(v, "Statistic", statistic))).statistic());
    }

    @ParameterizedTest
    @CsvSource({"p0,0", "p50,50", "p90,90", "p99.9,99.9", "p99.99,99.99", "p100,100", "p100.0,100"})
    void takesPercentilesAsExtendedStatistic(String extended, double percentile) {
        AlarmDefinition alarm = AlarmRules.definitionOf(with(v -> values(v, "ExtendedStatistic", extended)));
        assertEquals(new AlarmStatistic.Percentile(extended, percentile), alarm.statistic());
        assertEquals(extended, alarm.statistic().awsName());
    }

    @ParameterizedTest
    @CsvSource({"GreaterThanOrEqualToThreshold,GREATER_THAN_OR_EQUAL_TO_THRESHOLD",
            "GreaterThanThreshold,GREATER_THAN_THRESHOLD", "LessThanThreshold,LESS_THAN_THRESHOLD",
            "LessThanOrEqualToThreshold,LESS_THAN_OR_EQUAL_TO_THRESHOLD"})
    void takesTheFourStaticOperators(String operator, ComparisonOperator expected) {
        assertEquals(expected, AlarmRules.definitionOf(with(v -> values(v, "ComparisonOperator", operator)))
                .comparisonOperator());
    }

    @ParameterizedTest
    @CsvSource({"breaching,BREACHING", "notBreaching,NOT_BREACHING", "ignore,IGNORE", "missing,MISSING"})
    void takesEveryTreatMissingData(String value, TreatMissingData expected) {
        assertEquals(expected, AlarmRules.definitionOf(with(v -> values(v, "TreatMissingData", value))).treatMissingData());
    }

    @ParameterizedTest
    @CsvSource({"10,1", "20,1", "30,1", "60,1440", "120,720", "300,288", "3600,168", "86400,7", "10,8640",
            "3540,24"})
    void takesPeriodsAndEvaluationPeriodsWithinTheLimits(int period, int evaluationPeriods) {
        AlarmDefinition alarm = AlarmRules.definitionOf(with(v -> {
            v.period = period;
            v.evaluationPeriods = evaluationPeriods;
        }));
        assertEquals(period, alarm.period());
        assertEquals(evaluationPeriods, alarm.evaluationPeriods());
    }

    @Test
    void takesTheLongestNamesAndMostDimensionsAndActions() {
        List<Dimension> dimensions = IntStream.range(0, 30).mapToObj(i -> new Dimension("d" + i, "v".repeat(1024))).toList();
        List<String> actions = IntStream.range(0, 5).mapToObj(i -> "arn:berth:autoscaling::t:policy/" + i).toList();
        AlarmDefinition alarm = AlarmRules.definitionOf(with(v -> {
            v.alarmName = "é".repeat(255);
            v.alarmDescription = "d".repeat(1024);
            v.namespace = A255;
            v.metricName = A255;
            v.dimensions = dimensions;
            v.alarmActions = actions;
            v.okActions = actions;
            v.insufficientDataActions = actions;
            v.datapointsToAlarm = 3;
            v.unit = "Bytes/Second";
            v.actionsEnabled = false;
        }));
        assertEquals(30, alarm.dimensions().size());
        assertEquals(actions, alarm.alarmActions());
        assertEquals(StandardUnit.BYTES_PER_SECOND, alarm.unit());
        assertEquals(3, alarm.requiredBreaches());
        assertEquals(false, alarm.actionsEnabled());
    }

    @Test
    void keepsARepeatedActionOnce() {
        AlarmDefinition alarm = AlarmRules.definitionOf(with(v -> v.alarmActions = List.of("arn:a", "arn:b", "arn:a")));
        assertEquals(List.of("arn:a", "arn:b"), alarm.alarmActions());
    }

    static Stream<Arguments> refusals() {
        List<Dimension> thirtyOne = IntStream.range(0, 31).mapToObj(i -> new Dimension("d" + i, "v")).toList();
        List<String> six = Collections.nCopies(6, "arn:x");
        return Stream.of(
                refused("AlarmName", v -> v.alarmName = null, "required"),
                refused("AlarmName", v -> v.alarmName = "", "1 to 255 characters"),
                refused("AlarmName", v -> v.alarmName = A255 + "b", "1 to 255 characters"),
                refused("AlarmName", v -> v.alarmName = "cpu\nhigh", "control characters"),
                refused("AlarmName", v -> v.alarmName = "cpu\u007fhigh", "control characters"),
                refused("AlarmDescription", v -> v.alarmDescription = "d".repeat(1025), "0 to 1024 characters"),
                refused("Namespace", v -> v.namespace = null, "required"),
                refused("Namespace", v -> v.namespace = A255 + "b", "1 to 255 characters"),
                refused("Namespace", v -> v.namespace = ":app", "must not start with ':'"),
                refused("Namespace", v -> v.namespace = "Café", "printable ASCII"),
                refused("Namespace", v -> v.namespace = "   ", "non-whitespace"),
                refused("MetricName", v -> v.metricName = null, "required"),
                refused("MetricName", v -> v.metricName = "", "1 to 255 characters"),
                refused("MetricName", v -> v.metricName = A255 + "b", "1 to 255 characters"),
                refused("Statistic", v -> v.statistic = null, "Statistic or ExtendedStatistic is required"),
                refused("Statistic", v -> v.statistic = "average", "one of SampleCount, Average, Sum, Minimum, Maximum"),
                refused("Statistic", v -> v.statistic = "p90", "one of SampleCount"),
                refused("ExtendedStatistic", v -> v.extendedStatistic = "p90", "not both"),
                refused("ExtendedStatistic", v -> { v.statistic = null; v.extendedStatistic = "p100.1"; }, "percentile"),
                refused("ExtendedStatistic", v -> { v.statistic = null; v.extendedStatistic = "p99.999"; }, "percentile"),
                refused("ExtendedStatistic", v -> { v.statistic = null; v.extendedStatistic = "tm90"; }, "percentile"),
                refused("ExtendedStatistic", v -> { v.statistic = null; v.extendedStatistic = "p"; }, "percentile"),
                refused("ExtendedStatistic", v -> { v.statistic = null; v.extendedStatistic = "P90"; }, "percentile"),
                refused("Dimensions", v -> v.dimensions = thirtyOne, "at most 30, got 31"),
                refused("Dimensions[1].Name", v -> v.dimensions = List.of(new Dimension("a", "1"), new Dimension("a", "2")),
                        "given twice"),
                refused("Dimensions[0].Name", v -> v.dimensions = List.of(new Dimension(null, "1")), "required"),
                refused("Dimensions[0].Name", v -> v.dimensions = List.of(new Dimension("", "1")), "1 to 255"),
                refused("Dimensions[0].Name", v -> v.dimensions = List.of(new Dimension(A255 + "b", "1")), "1 to 255"),
                refused("Dimensions[0].Name", v -> v.dimensions = List.of(new Dimension(":a", "1")), "start with ':'"),
                refused("Dimensions[0].Name", v -> v.dimensions = List.of(new Dimension("a\tb", "1")), "printable ASCII"),
                refused("Dimensions[0].Value", v -> v.dimensions = List.of(new Dimension("a", null)), "required"),
                refused("Dimensions[0].Value", v -> v.dimensions = List.of(new Dimension("a", "v".repeat(1025))), "1 to 1024"),
                refused("Dimensions[0].Value", v -> v.dimensions = List.of(new Dimension("a", " ")), "non-whitespace"),
                refused("Period", v -> v.period = null, "required"),
                refused("Period", v -> v.period = 0, "10, 20, 30 or a multiple of 60"),
                refused("Period", v -> v.period = 5, "10, 20, 30 or a multiple of 60"),
                refused("Period", v -> v.period = 40, "10, 20, 30 or a multiple of 60"),
                refused("Period", v -> v.period = 90, "10, 20, 30 or a multiple of 60"),
                refused("Period", v -> v.period = -60, "10, 20, 30 or a multiple of 60"),
                refused("EvaluationPeriods", v -> v.evaluationPeriods = null, "required"),
                refused("EvaluationPeriods", v -> v.evaluationPeriods = 0, "at least 1"),
                refused("EvaluationPeriods", v -> v.evaluationPeriods = 1441, "at most 86400 seconds for periods under an hour"),
                refused("EvaluationPeriods", v -> { v.period = 10; v.evaluationPeriods = 8641; }, "at most 86400"),
                refused("EvaluationPeriods", v -> { v.period = 3600; v.evaluationPeriods = 169; }, "at most 604800"),
                refused("EvaluationPeriods", v -> { v.period = 86400; v.evaluationPeriods = Integer.MAX_VALUE; }, "at most 604800"),
                refused("DatapointsToAlarm", v -> v.datapointsToAlarm = 0, "between 1 and EvaluationPeriods (3), got 0"),
                refused("DatapointsToAlarm", v -> v.datapointsToAlarm = 4, "between 1 and EvaluationPeriods (3), got 4"),
                refused("Threshold", v -> v.threshold = null, "required"),
                refused("Threshold", v -> v.threshold = Double.NaN, "finite"),
                refused("Threshold", v -> v.threshold = Double.POSITIVE_INFINITY, "finite"),
                refused("ComparisonOperator", v -> v.comparisonOperator = null, "required"),
                refused("ComparisonOperator", v -> v.comparisonOperator = "GreaterThan", "one of GreaterThanOrEqualToThreshold"),
                refused("ComparisonOperator", v -> v.comparisonOperator = "LessThanLowerOrGreaterThanUpperThreshold",
                        "anomaly detection"),
                refused("ComparisonOperator", v -> v.comparisonOperator = "LessThanLowerThreshold", "anomaly detection"),
                refused("ComparisonOperator", v -> v.comparisonOperator = "GreaterThanUpperThreshold", "anomaly detection"),
                refused("TreatMissingData", v -> v.treatMissingData = "Breaching", "one of breaching, notBreaching"),
                refused("Unit", v -> v.unit = "percent", "standard units"),
                refused("AlarmActions", v -> v.alarmActions = six, "at most 5, got 6"),
                refused("OKActions", v -> v.okActions = six, "at most 5, got 6"),
                refused("InsufficientDataActions", v -> v.insufficientDataActions = six, "at most 5, got 6"),
                refused("AlarmActions[1]", v -> v.alarmActions = List.of("arn:a", ""), "1 to 1024"),
                refused("OKActions[0]", v -> v.okActions = List.of("a".repeat(1025)), "1 to 1024"),
                refused("InsufficientDataActions[0]", v -> v.insufficientDataActions = Collections.singletonList(null),
                        "required"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refusals")
    void refusesBadInputNamingTheAwsField(String field, Change change, String problem) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AlarmRules.definitionOf(with(change)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private static Arguments refused(String field, Change change, String problem) {
        return Arguments.of(field, change, problem);
    }

    private static PutMetricAlarmValues with(Change change) {
        Values v = new Values(TestAlarms.values());
        change.apply(v);
        return v.build();
    }

    private static void values(Values v, String field, String value) {
        switch (field) {
            case "Statistic" -> v.statistic = value;
            case "ExtendedStatistic" -> { v.statistic = null; v.extendedStatistic = value; }
            case "ComparisonOperator" -> v.comparisonOperator = value;
            case "TreatMissingData" -> v.treatMissingData = value;
            default -> throw new IllegalArgumentException(field);
        }
    }

    @FunctionalInterface
    interface Change {
        void apply(Values values);
    }

    /** A mutable copy of {@link PutMetricAlarmValues} for one change per test row. */
    static final class Values {
        String alarmName, alarmDescription, metricName, namespace, statistic, extendedStatistic, unit,
                comparisonOperator, treatMissingData;
        Boolean actionsEnabled;
        List<String> okActions, alarmActions, insufficientDataActions;
        List<Dimension> dimensions;
        Integer period, evaluationPeriods, datapointsToAlarm;
        Double threshold;

        Values(PutMetricAlarmValues in) {
            alarmName = in.alarmName();
            alarmDescription = in.alarmDescription();
            actionsEnabled = in.actionsEnabled();
            okActions = in.okActions();
            alarmActions = in.alarmActions();
            insufficientDataActions = in.insufficientDataActions();
            metricName = in.metricName();
            namespace = in.namespace();
            statistic = in.statistic();
            extendedStatistic = in.extendedStatistic();
            dimensions = in.dimensions() == null ? null : new ArrayList<>(in.dimensions());
            period = in.period();
            unit = in.unit();
            evaluationPeriods = in.evaluationPeriods();
            datapointsToAlarm = in.datapointsToAlarm();
            threshold = in.threshold();
            comparisonOperator = in.comparisonOperator();
            treatMissingData = in.treatMissingData();
        }

        PutMetricAlarmValues build() {
            return new PutMetricAlarmValues(alarmName, alarmDescription, actionsEnabled, okActions, alarmActions,
                    insufficientDataActions, metricName, namespace, statistic, extendedStatistic, dimensions, period,
                    unit, evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator, treatMissingData);
        }
    }
}
