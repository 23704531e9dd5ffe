package dev.berth.autoscaler.ecsmetrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Berth/ECS} points of a MetricBatch envelope on berth.metrics ({@code detail.datapoints[]}
 * of {namespace, name, dimensions, value, unit, timestamp}); points of other namespaces, or that are
 * not well formed, are left out. The metric store reads the same envelopes on its own.
 */
public final class AgentBatches {

    public static final String TYPE = "MetricBatch";

    /** The tenant's agent points of one envelope. */
    public record TenantPoints(String tenant, List<AgentPoint> points) {
    }

    private AgentBatches() {
    }

    public static TenantPoints of(JsonNode envelope) {
        if (envelope == null || !TYPE.equals(envelope.path("type").asText()) || !envelope.path("tenant").isTextual()) {
            return new TenantPoints("", List.of());
        }
        List<AgentPoint> points = new ArrayList<>();
        for (JsonNode point : envelope.path("detail").path("datapoints")) {
            JsonNode value = point.get("value");
            Instant at = EcsStateEvents.instant(point.get("timestamp"));
            if (!AgentTaskSamples.AGENT_NAMESPACE.equals(point.path("namespace").asText()) || value == null
                    || !value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0 || at == null
                    || !point.path("name").isTextual()) {
                continue;
            }
            Map<String, String> dimensions = new HashMap<>();
            point.path("dimensions").properties().forEach(d -> dimensions.put(d.getKey(), d.getValue().asText()));
            points.add(new AgentPoint(AgentTaskSamples.AGENT_NAMESPACE, point.get("name").asText(), dimensions,
                    value.asDouble(), at));
        }
        return new TenantPoints(envelope.get("tenant").asText(), points);
    }
}
