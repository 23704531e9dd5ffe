package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TargetTrackingScalingPolicyConfiguration: AWS's rules and defaults. */
class TargetTrackingConfigurationTest {

    private static final String TT = "TargetTrackingScalingPolicyConfiguration";
    private static final TrackedMetric.Predefined CPU = TrackedMetric.Predefined.of("ECSServiceAverageCPUUtilization", null);

    @Test
    void defaultsAsAws() {
        TargetTrackingConfiguration config = TargetTrackingConfiguration.of(50.0, CPU, null, null, null, null, null);
        assertEquals(50.0, config.targetValue());
        assertEquals(Duration.ofSeconds(300), config.scaleOutCooldown());
        assertEquals(Duration.ofSeconds(300), config.scaleInCooldown());
        assertFalse(config.disableScaleIn());
        assertTrue(config.scaleInEnabled());
        assertFalse(config.highResolution());
    }

    @Test
    void takesWhatIsGiven() {
        TargetTrackingConfiguration config = TargetTrackingConfiguration.of(75.5,
                TrackedMetric.Predefined.of("ECSServiceAverageMemoryUtilization", null), null, 60, 0, true, true);
        assertEquals(Duration.ofSeconds(60), config.scaleOutCooldown());
        assertEquals(Duration.ZERO, config.scaleInCooldown());
        assertTrue(config.disableScaleIn());
        assertTrue(config.highResolution());
    }

    @Test
    void awsHighResolutionMetricTypesTurnTheOptionOn() {
        TargetTrackingConfiguration config = TargetTrackingConfiguration.of(50.0,
                TrackedMetric.Predefined.of("ECSServiceAverageCPUUtilizationHighResolution", null), null, null, null, null, null);
        assertTrue(config.highResolution());
    }

    @ParameterizedTest(name = "TargetValue {0}")
    @CsvSource(textBlock = """
            0, must be greater than 0
            -5, must be greater than 0
            NaN, between -2^360 and 2^360
            Infinity, between -2^360 and 2^360
            1e200, between -2^360 and 2^360
            """)
    void refusesTargetValuesOutOfRange(double target, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> TargetTrackingConfiguration.of(target, CPU, null, null, null, null, null));
        assertEquals(TT + ".TargetValue", error.field());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void takesTheLargestTargetValueAwsTakes() {
        assertEquals(Math.pow(2, 360), TargetTrackingConfiguration.of(Math.pow(2, 360), CPU, null, null, null, null, null).targetValue());
    }

    @Test
    void refusesAMissingTargetAndTwoOrNoMetrics() {
        assertEquals(TT + ".TargetValue", assertThrows(InvalidInputException.class,
                () -> TargetTrackingConfiguration.of(null, CPU, null, null, null, null, null)).field());
        TrackedMetric.Customized custom = TrackedMetric.Customized.of("App", "QueueDepth", List.of(), "Average", null);
        assertEquals(TT, assertThrows(InvalidInputException.class,
                () -> TargetTrackingConfiguration.of(50.0, CPU, custom, null, null, null, null)).field());
        assertEquals(TT, assertThrows(InvalidInputException.class,
                () -> TargetTrackingConfiguration.of(50.0, null, null, null, null, null, null)).field());
    }

    @ParameterizedTest(name = "ScaleOutCooldown {0}")
    @CsvSource({"-1", "86401"})
    void refusesCooldownsOutOfRange(int seconds) {
        assertEquals(TT + ".ScaleOutCooldown", assertThrows(InvalidInputException.class,
                () -> TargetTrackingConfiguration.of(50.0, CPU, null, seconds, null, null, null)).field());
        assertEquals(TT + ".ScaleInCooldown", assertThrows(InvalidInputException.class,
                () -> TargetTrackingConfiguration.of(50.0, CPU, null, null, seconds, null, null)).field());
    }

    @ParameterizedTest(name = "{0} label [{1}]")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            ALBRequestCountPerTarget        ;                                                        ; PredefinedMetricSpecification.ResourceLabel ; is required
            ALBRequestCountPerTarget        ; app/my-alb/778d41231b141a0f/targetgroup/my-tg          ; PredefinedMetricSpecification.ResourceLabel ; must be app/
            ALBRequestCountPerTarget        ; app/my-alb/778d/targetgroup/my-tg/943f/extra           ; PredefinedMetricSpecification.ResourceLabel ; must be app/
            ALBRequestCountPerTarget        ; app//778d/targetgroup/my-tg/943f                       ; PredefinedMetricSpecification.ResourceLabel ; must be app/
            ECSServiceAverageCPUUtilization ; app/my-alb/778d/targetgroup/my-tg/943f                 ; PredefinedMetricSpecification.ResourceLabel ; only for ALBRequestCountPerTarget
            DynamoDBReadCapacityUtilization ;                                                        ; PredefinedMetricSpecification.PredefinedMetricType ; not a metric of ECS services
            ecsserviceaveragecpuutilization ;                                                        ; PredefinedMetricSpecification.PredefinedMetricType ; not a metric of ECS services
            """)
    void refusesPredefinedMetricsEcsHasNot(String type, String label, String field, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> TrackedMetric.Predefined.of(type, label));
        assertEquals(TT + "." + field, error.field());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void albRequestCountNeedsItsTargetGroup() {
        TrackedMetric.Predefined alb = TrackedMetric.Predefined.of("ALBRequestCountPerTarget",
                "app/my-alb/778d41231b141a0f/targetgroup/my-alb-target-group/943f017f100becff");
        assertEquals("targetgroup/my-alb-target-group/943f017f100becff", alb.targetGroup());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            ``      ; QueueDepth ; Average ;            ; CustomizedMetricSpecification.Namespace ; must hold 1 to 255
            App     ;            ; Average ;            ; CustomizedMetricSpecification.MetricName ; is required
            App     ; QueueDepth ;         ;            ; CustomizedMetricSpecification.Statistic ; is required
            App     ; QueueDepth ; p99     ;            ; CustomizedMetricSpecification.Statistic ; must be one of Average
            App     ; QueueDepth ; Average ; Furlongs   ; CustomizedMetricSpecification.Unit ; CloudWatch's units
            """)
    void refusesCustomizedMetricsWithoutWhatTheyNeed(String namespace, String name, String statistic, String unit,
            String field, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> TrackedMetric.Customized.of(namespace, name, List.of(), statistic, unit));
        assertEquals(TT + "." + field, error.field());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void checksEachDimensionOfACustomizedMetric() {
        assertEquals(TT + ".CustomizedMetricSpecification.Dimensions[1].Value", assertThrows(InvalidInputException.class,
                () -> TrackedMetric.Customized.of("App", "QueueDepth",
                        List.of(new MetricDimension("Queue", "jobs"), new MetricDimension("Env", null)), "Sum", null)).field());
        assertEquals(TT + ".CustomizedMetricSpecification.Dimensions[1].Name", assertThrows(InvalidInputException.class,
                () -> TrackedMetric.Customized.of("App", "QueueDepth",
                        List.of(new MetricDimension("Queue", "jobs"), new MetricDimension("Queue", "mail")), "Sum", null)).field());
        List<MetricDimension> tooMany = java.util.stream.IntStream.range(0, 31)
                .mapToObj(i -> new MetricDimension("d" + i, "v")).toList();
        assertEquals(TT + ".CustomizedMetricSpecification.Dimensions", assertThrows(InvalidInputException.class,
                () -> TrackedMetric.Customized.of("App", "QueueDepth", tooMany, "Sum", null)).field());
        TrackedMetric.Customized ok = TrackedMetric.Customized.of("App", "QueueDepth",
                List.of(new MetricDimension("Queue", "jobs")), "Sum", "Count");
        assertEquals(MetricStatistic.SUM, ok.statistic());
        assertNull(TrackedMetric.Customized.of("App", "QueueDepth", null, "Sum", null).unit());
    }
}
