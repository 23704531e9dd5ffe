package dev.berth.autoscaler.metrics;

import static dev.berth.autoscaler.metrics.MetricsTestClient.await;
import static dev.berth.autoscaler.metrics.MetricsTestClient.minutesAgo;
import static dev.berth.autoscaler.metrics.MetricsTestClient.newNamespace;
import static dev.berth.autoscaler.metrics.MetricsTestClient.sendBatch;
import static dev.berth.autoscaler.metrics.MetricsTestClient.statistics;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MetricBatch envelopes produced on berth.metrics with a real Kafka producer become queryable, each once. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MetricIngestionIT {

    private static Map<String, Object> point(String namespace, String name, double value, Instant at) {
        return Map.of("namespace", namespace, "name", name, "dimensions", Map.of("ClusterName", "default",
                "ServiceName", "web"), "value", value, "unit", "Percent", "timestamp", at.toString());
    }

    private static List<Map<String, Object>> sums(String namespace, String name, Instant t0) {
        JsonPath answer = statistics("acme-viewer", namespace, name, List.of(
                        Map.of("Name", "ServiceName", "Value", "web"), Map.of("Name", "ClusterName", "Value", "default")),
                t0, t0.plusSeconds(60), 60, List.of("SampleCount", "Sum", "Maximum"));
        return answer.getList("Datapoints");
    }

    @Test
    void anAgentsBatchBecomesQueryableAndARedeliveryCountsOnce() throws Exception {
        String namespace = newNamespace();
        Instant t0 = minutesAgo(3);
        String host = "host-" + UUID.randomUUID();
        String id = host + "/metrics/1/2";
        List<Map<String, Object>> points = List.of(point(namespace, "CPUUtilization", 40, t0.plusSeconds(10)),
                point(namespace, "CPUUtilization", 60, t0.plusSeconds(20)));
        sendBatch(id, "acme", host, points);
        sendBatch(id, "acme", host, points);
        // a later batch on the same key (so the same partition, behind both copies) marks when both were consumed
        sendBatch(host + "/metrics/2/1", "acme", host, List.of(point(namespace, "Marker", 1, t0.plusSeconds(30))));
        await(() -> statistics("acme-viewer", namespace, "Marker", List.of(
                        Map.of("Name", "ClusterName", "Value", "default"), Map.of("Name", "ServiceName", "Value", "web")),
                t0, t0.plusSeconds(60), 60, List.of("Sum")), a -> !a.getList("Datapoints").isEmpty());

        List<Map<String, Object>> cpu = sums(namespace, "CPUUtilization", t0);
        assertEquals(1, cpu.size(), cpu.toString());
        assertEquals(2.0, MetricsApiIT.number(cpu.getFirst(), "SampleCount"), "the second delivery is skipped");
        assertEquals(100.0, MetricsApiIT.number(cpu.getFirst(), "Sum"));
        assertEquals(60.0, MetricsApiIT.number(cpu.getFirst(), "Maximum"));
        assertEquals("Percent", cpu.getFirst().get("Unit"));
        assertEquals(List.of(), statistics("globex-viewer", namespace, "CPUUtilization", List.of(
                        Map.of("Name", "ClusterName", "Value", "default"), Map.of("Name", "ServiceName", "Value", "web")),
                t0, t0.plusSeconds(60), 60, List.of("Sum")).getList("Datapoints"), "the batch is acme's only");
    }

    @Test
    void aMetricFiltersBatchAsTheLogsServicePublishesIt() throws Exception {
        String namespace = newNamespace();
        Instant t0 = minutesAgo(4);
        Map<String, Object> envelope = new java.util.LinkedHashMap<>();
        envelope.put("type", "MetricBatch");
        envelope.put("version", 1);
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("tenant", "acme");
        envelope.put("time", Instant.now().toString());
        envelope.put("detail", Map.of("logGroup", "/acme/web", "filterName", "errors", "datapoints", List.of(
                Map.of("namespace", namespace, "name", "Errors", "dimensions", Map.of(), "value", 1.0, "unit", "Count",
                        "timestamp", t0.plusSeconds(3).toString()),
                Map.of("namespace", namespace, "name", "Errors", "dimensions", Map.of(), "value", 1.0, "unit", "Count",
                        "timestamp", t0.plusSeconds(4).toString()))));
        MetricsTestClient.producer().send(new org.apache.kafka.clients.producer.ProducerRecord<>("berth.metrics",
                "/acme/web/errors", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(envelope))).get();
        JsonPath answer = await(() -> statistics("acme-viewer", namespace, "Errors", List.of(), t0, t0.plusSeconds(60),
                60, List.of("Sum")), a -> !a.getList("Datapoints").isEmpty());
        assertEquals(2.0, MetricsApiIT.number(answer.getList("Datapoints", Map.class).getFirst(), "Sum"));
    }

    @Test
    void platformDataIsHighResolutionAndMayUseReservedNamespaces() throws Exception {
        String namespace = "AWS/" + newNamespace();
        Instant t0 = minutesAgo(2);
        String host = "host-" + UUID.randomUUID();
        sendBatch(host + "/metrics/1/3", "acme", host, List.of(point(namespace, "CPUUtilization", 10, t0.plusSeconds(1)),
                point(namespace, "CPUUtilization", 20, t0.plusSeconds(11)),
                point(namespace, "CPUUtilization", 30, t0.plusSeconds(12))));
        JsonPath answer = await(() -> statistics("acme-viewer", namespace, "CPUUtilization", List.of(
                        Map.of("Name", "ClusterName", "Value", "default"), Map.of("Name", "ServiceName", "Value", "web")),
                t0, t0.plusSeconds(60), 10, List.of("Sum")), a -> a.getList("Datapoints").size() == 2);
        List<Map<String, Object>> points = answer.getList("Datapoints");
        assertEquals(2, points.size(), points.toString());
        assertEquals(10.0, MetricsApiIT.number(points.get(0), "Sum"));
        assertEquals(50.0, MetricsApiIT.number(points.get(1), "Sum"));
    }
}
