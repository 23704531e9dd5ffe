package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PutMetricDataValidationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static MetricDatum value(Double value) {
        return new MetricDatum("Latency", null, null, value, null, null, null, null, null);
    }

    private static PutMetricDataRequest request(MetricDatum... data) {
        return new PutMetricDataRequest("Acme/Shop", List.of(data));
    }

    private static MetricDatum ok() {
        return value(1.0);
    }

    static Stream<Arguments> refused() {
        List<Dimension> thirtyOne = IntStream.range(0, 31).mapToObj(i -> new Dimension("d" + i, "v")).toList();
        List<Double> many = Collections.nCopies(151, 1.0);
        return Stream.of(
                Arguments.of("reserved namespace", new PutMetricDataRequest("AWS/ECS", List.of(ok())), "Namespace"),
                Arguments.of("no namespace", new PutMetricDataRequest(" ", List.of(ok())), "Namespace"),
                Arguments.of("no data", new PutMetricDataRequest("Acme", List.of()), "MetricData"),
                Arguments.of("NaN", request(ok(), ok(), value(Double.NaN)), "MetricData[2].Value"),
                Arguments.of("Infinity", request(value(Double.POSITIVE_INFINITY)), "MetricData[0].Value"),
                Arguments.of("beyond 2^360", request(value(Math.pow(2, 361))), "MetricData[0].Value"),
                Arguments.of("no value", request(ok(), value(null)), "MetricData[1].Value"),
                Arguments.of("value and set", request(new MetricDatum("M", null, null, 1.0,
                        new StatisticSet(1.0, 1.0, 1.0, 1.0), null, null, null, null)), "MetricData[0].Value"),
                Arguments.of("set without sum", request(new MetricDatum("M", null, null, null,
                        new StatisticSet(1.0, null, 1.0, 1.0), null, null, null, null)), "MetricData[0].StatisticValues.Sum"),
                Arguments.of("set min over max", request(new MetricDatum("M", null, null, null,
                        new StatisticSet(2.0, 3.0, 2.0, 1.0), null, null, null, null)), "MetricData[0].StatisticValues.Minimum"),
                Arguments.of("151 values", request(new MetricDatum("M", null, null, null, null, many, null, null, null)),
                        "MetricData[0].Values"),
                Arguments.of("counts not matching", request(new MetricDatum("M", null, null, null, null,
                        List.of(1.0, 2.0), List.of(1.0), null, null)), "MetricData[0].Counts"),
                Arguments.of("NaN among values", request(new MetricDatum("M", null, null, null, null,
                        List.of(1.0, Double.NaN), null, null, null)), "MetricData[0].Values[1]"),
                Arguments.of("31 dimensions", request(new MetricDatum("M", thirtyOne, null, 1.0, null, null, null, null,
                        null)), "MetricData[0].Dimensions"),
                Arguments.of("dimension twice", request(new MetricDatum("M", List.of(new Dimension("a", "1"),
                        new Dimension("a", "2")), null, 1.0, null, null, null, null, null)), "MetricData[0].Dimensions[1].Name"),
                Arguments.of("dimension without value", request(new MetricDatum("M", List.of(new Dimension("a", null)),
                        null, 1.0, null, null, null, null, null)), "MetricData[0].Dimensions[0].Value"),
                Arguments.of("too old", request(new MetricDatum("M", null, NOW.minus(Duration.ofDays(15)), 1.0, null,
                        null, null, null, null)), "MetricData[0].Timestamp"),
                Arguments.of("too far ahead", request(new MetricDatum("M", null, NOW.plus(Duration.ofHours(3)), 1.0,
                        null, null, null, null, null)), "MetricData[0].Timestamp"),
                Arguments.of("unknown unit", request(new MetricDatum("M", null, null, 1.0, null, null, null, "Parsecs",
                        null)), "MetricData[0].Unit"),
                Arguments.of("resolution 5", request(new MetricDatum("M", null, null, 1.0, null, null, null, null, 5)),
                        "MetricData[0].StorageResolution"),
                Arguments.of("metric name too long", request(new MetricDatum("x".repeat(256), null, null, 1.0, null,
                        null, null, null, null)), "MetricData[0].MetricName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedNamingTheField(String why, PutMetricDataRequest request, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PutMetricDataValidation.samples("acme", request, NOW));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
    }

    @Test
    void atMost1000Metrics() {
        List<MetricDatum> data = new ArrayList<>(Collections.nCopies(1000, ok()));
        assertEquals(1000, PutMetricDataValidation.samples("acme", new PutMetricDataRequest("Acme", data), NOW).size());
        data.add(ok());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PutMetricDataValidation.samples("acme", new PutMetricDataRequest("Acme", data), NOW));
        assertEquals("MetricData", e.field());
    }

    @Test
    void eachFormBecomesItsStatisticSet() {
        List<Sample> samples = PutMetricDataValidation.samples("acme", request(
                value(5.0),
                new MetricDatum("M", null, NOW.minusSeconds(30), null, new StatisticSet(4.0, 10.0, 1.0, 4.0), null, null,
                        "Count", 1),
                new MetricDatum("M", List.of(new Dimension("b", "2"), new Dimension("a", "1")), null, null, null,
                        List.of(1.0, 3.0), List.of(2.0, 1.0), "Milliseconds", 60)), NOW);
        assertEquals(SampleSet.of(5), samples.get(0).set());
        assertEquals(NOW, samples.get(0).timestamp(), "no timestamp: when received");
        assertEquals(StandardUnit.NONE, samples.get(0).unit());
        assertEquals(new SampleSet(4, 10, 1, 4), samples.get(1).set());
        assertTrue(samples.get(1).highResolution());
        assertEquals(StandardUnit.COUNT, samples.get(1).unit());
        assertEquals(new SampleSet(3, 5, 1, 3), samples.get(2).set());
        assertEquals("a", samples.get(2).key().dimensions().getFirst().name());
        assertEquals("acme", samples.get(2).tenant());
    }
}
