package dev.berth.autoscaler.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.autoscaler.policies.PolicyMessages.CustomizedMetricSpecification;
import dev.berth.autoscaler.policies.PolicyMessages.MetricDimension;
import dev.berth.autoscaler.policies.PolicyMessages.PredefinedMetricSpecification;
import dev.berth.autoscaler.policies.PolicyMessages.StepAdjustment;
import dev.berth.autoscaler.policies.PolicyMessages.StepScalingPolicyConfiguration;
import dev.berth.autoscaler.policies.PolicyMessages.TargetTrackingMetricDataQuery;
import dev.berth.autoscaler.policies.PolicyMessages.TargetTrackingScalingPolicyConfiguration;
import dev.berth.autoscaler.scaling.AdjustmentType;
import dev.berth.autoscaler.scaling.MetricAggregationType;
import dev.berth.autoscaler.scaling.MetricStatistic;
import dev.berth.autoscaler.scaling.PolicyType;
import dev.berth.autoscaler.scaling.PredefinedMetricType;
import dev.berth.autoscaler.scaling.StepScalingConfiguration;
import dev.berth.autoscaler.scaling.TargetTrackingConfiguration;
import dev.berth.autoscaler.scaling.TrackedMetric;
import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PutScalingPolicy's configuration members → the checked configuration, and the field each error names. */
class PolicyConfigurationsTest {

    private static final PredefinedMetricSpecification CPU = new PredefinedMetricSpecification("ECSServiceAverageCPUUtilization", null);
    private static final List<StepAdjustment> OUT = List.of(new StepAdjustment(0.0, 10.0, 1), new StepAdjustment(10.0, null, 3));

    @Test
    void targetTrackingWithAPredefinedMetricTakesAwsDefaults() {
        PolicyConfiguration mapped = PolicyConfigurations.of(PolicyType.TARGET_TRACKING_SCALING,
                new TargetTrackingScalingPolicyConfiguration(50.0, CPU, null, null, null, null), null);
        TargetTrackingConfiguration config = assertInstanceOf(PolicyConfiguration.TargetTracking.class, mapped).configuration();
        assertEquals(50.0, config.targetValue());
        assertEquals(PredefinedMetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION,
                assertInstanceOf(TrackedMetric.Predefined.class, config.metric()).type());
        assertEquals(Duration.ofSeconds(300), config.scaleOutCooldown());
        assertEquals(Duration.ofSeconds(300), config.scaleInCooldown());
        assertFalse(config.disableScaleIn());
        assertFalse(config.highResolution());
    }

    @Test
    void targetTrackingTakesWhatIsGiven() {
        TargetTrackingConfiguration config = PolicyConfigurations.targetTracking(new TargetTrackingScalingPolicyConfiguration(
                70.0, null, new CustomizedMetricSpecification("QueueDepth", "Shop", List.of(new MetricDimension("Queue", "orders")),
                        "Maximum", "Count", null), 30, 600, true));
        TrackedMetric.Customized metric = assertInstanceOf(TrackedMetric.Customized.class, config.metric());
        assertEquals("Shop", metric.namespace());
        assertEquals("QueueDepth", metric.metricName());
        assertEquals(List.of(new dev.berth.autoscaler.scaling.MetricDimension("Queue", "orders")), metric.dimensions());
        assertEquals(MetricStatistic.MAXIMUM, metric.statistic());
        assertEquals("Count", metric.unit());
        assertEquals(Duration.ofSeconds(30), config.scaleOutCooldown());
        assertEquals(Duration.ofSeconds(600), config.scaleInCooldown());
        assertTrue(config.disableScaleIn());
    }

    @Test
    void theHighResolutionMetricTypesTurnOnHighResolution() {
        TargetTrackingConfiguration config = PolicyConfigurations.targetTracking(new TargetTrackingScalingPolicyConfiguration(
                50.0, new PredefinedMetricSpecification("ECSServiceAverageCPUUtilizationHighResolution", null), null, null, null, null));
        assertTrue(config.highResolution());
    }

    @Test
    void stepScalingMapsEveryMember() {
        PolicyConfiguration mapped = PolicyConfigurations.of(PolicyType.STEP_SCALING, null,
                new StepScalingPolicyConfiguration("PercentChangeInCapacity", OUT, 2, 60, "Maximum"));
        StepScalingConfiguration config = assertInstanceOf(PolicyConfiguration.Step.class, mapped).configuration();
        assertEquals(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, config.adjustmentType());
        assertEquals(List.of(new dev.berth.autoscaler.scaling.StepAdjustment(0.0, 10.0, 1),
                new dev.berth.autoscaler.scaling.StepAdjustment(10.0, null, 3)), config.stepAdjustments());
        assertEquals(2, config.minAdjustmentMagnitude());
        assertEquals(Duration.ofSeconds(60), config.cooldown());
        assertEquals(MetricAggregationType.MAXIMUM, config.metricAggregationType());
    }

    @Test
    void stepScalingDefaults() {
        StepScalingConfiguration config = PolicyConfigurations.step(new StepScalingPolicyConfiguration("ChangeInCapacity", OUT,
                null, null, null));
        assertEquals(Duration.ofSeconds(300), config.cooldown());
        assertEquals(MetricAggregationType.AVERAGE, config.metricAggregationType());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("TargetTrackingScalingPolicyConfiguration", () -> PolicyConfigurations.of(PolicyType.TARGET_TRACKING_SCALING,
                        null, null)),
                bad("StepScalingPolicyConfiguration", () -> PolicyConfigurations.of(PolicyType.TARGET_TRACKING_SCALING,
                        new TargetTrackingScalingPolicyConfiguration(50.0, CPU, null, null, null, null),
                        new StepScalingPolicyConfiguration("ChangeInCapacity", OUT, null, null, null))),
                bad("StepScalingPolicyConfiguration", () -> PolicyConfigurations.of(PolicyType.STEP_SCALING, null, null)),
                bad("TargetTrackingScalingPolicyConfiguration", () -> PolicyConfigurations.of(PolicyType.STEP_SCALING,
                        new TargetTrackingScalingPolicyConfiguration(50.0, CPU, null, null, null, null),
                        new StepScalingPolicyConfiguration("ChangeInCapacity", OUT, null, null, null))),
                bad("TargetTrackingScalingPolicyConfiguration.TargetValue", () -> PolicyConfigurations.targetTracking(
                        new TargetTrackingScalingPolicyConfiguration(null, CPU, null, null, null, null))),
                bad("TargetTrackingScalingPolicyConfiguration", () -> PolicyConfigurations.targetTracking(
                        new TargetTrackingScalingPolicyConfiguration(50.0, null, null, null, null, null))),
                bad("TargetTrackingScalingPolicyConfiguration", () -> PolicyConfigurations.targetTracking(
                        new TargetTrackingScalingPolicyConfiguration(50.0, CPU, new CustomizedMetricSpecification("M", "N",
                                null, "Average", null, null), null, null, null))),
                bad("TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType",
                        () -> PolicyConfigurations.targetTracking(new TargetTrackingScalingPolicyConfiguration(50.0,
                                new PredefinedMetricSpecification("EC2SpotFleetRequestAverageCPUUtilization", null), null, null,
                                null, null))),
                bad("TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Dimensions[0].Value",
                        () -> PolicyConfigurations.targetTracking(new TargetTrackingScalingPolicyConfiguration(50.0, null,
                                new CustomizedMetricSpecification("M", "N", List.of(new MetricDimension("Queue", null)),
                                        "Average", null, null), null, null, null))),
                bad("TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification.Metrics",
                        () -> PolicyConfigurations.targetTracking(new TargetTrackingScalingPolicyConfiguration(50.0, null,
                                new CustomizedMetricSpecification(null, null, null, null, null,
                                        List.of(new TargetTrackingMetricDataQuery("e1", "m1 / m2", null, true))),
                                null, null, null))),
                bad("TargetTrackingScalingPolicyConfiguration.ScaleInCooldown", () -> PolicyConfigurations.targetTracking(
                        new TargetTrackingScalingPolicyConfiguration(50.0, CPU, null, null, -1, null))),
                bad("StepScalingPolicyConfiguration.AdjustmentType", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("SomeCapacity", OUT, null, null, null))),
                bad("StepScalingPolicyConfiguration.StepAdjustments", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("ChangeInCapacity", null, null, null, null))),
                bad("StepScalingPolicyConfiguration.StepAdjustments[1]", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("ChangeInCapacity", Arrays.asList(OUT.get(0), null), null, null, null))),
                bad("StepScalingPolicyConfiguration.StepAdjustments[1].ScalingAdjustment", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("ChangeInCapacity", List.of(OUT.get(0),
                                new StepAdjustment(10.0, null, null)), null, null, null))),
                bad("StepScalingPolicyConfiguration.StepAdjustments[1]", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("ChangeInCapacity", List.of(OUT.get(0),
                                new StepAdjustment(20.0, null, 2)), null, null, null))),
                bad("StepScalingPolicyConfiguration.MinAdjustmentMagnitude", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("ChangeInCapacity", OUT, 1, null, null))),
                bad("StepScalingPolicyConfiguration.MetricAggregationType", () -> PolicyConfigurations.step(
                        new StepScalingPolicyConfiguration("ChangeInCapacity", OUT, null, null, "Median"))));
    }

    private static Arguments bad(String field, Supplier<?> mapping) {
        return Arguments.of(field, mapping);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputNamesItsField(String field, Supplier<?> mapping) {
        InvalidInputException error = assertThrows(InvalidInputException.class, mapping::get);
        assertEquals(field, error.field(), error.getMessage());
    }
}
