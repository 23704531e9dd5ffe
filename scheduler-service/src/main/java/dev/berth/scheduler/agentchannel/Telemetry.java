package dev.berth.scheduler.agentchannel;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.messaging.TenantEvents;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Forwards what agents send besides task states: log batches to berth.logs (keyed by
 * group/stream), metric batches to berth.metrics, heartbeats to berth.heartbeats. A batch's
 * message id is derived from the host and the report's number, so a batch sent again after a
 * reconnect is the same message to idempotent consumers.
 */
@ApplicationScoped
public class Telemetry {

    public record LogBatch(String cluster, String hostId, String logGroup, String logStream,
                           List<AgentMessage.LogEvent> events) {
    }

    public record MetricBatch(String cluster, String hostId, List<AgentMessage.Datapoint> datapoints) {
    }

    public record HeartbeatDetail(String cluster, String hostId, Instant at, int cpuUsed, int memoryUsed,
                                  int runningTasks) {
    }

    @Inject
    @Channel("agent-logs")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
    Emitter<Record<String, EventEnvelope<Object>>> logs;

    @Inject
    @Channel("agent-metrics")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
    Emitter<Record<String, EventEnvelope<Object>>> metrics;

    @Inject
    @Channel("agent-heartbeats")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
    Emitter<Record<String, EventEnvelope<Object>>> heartbeats;

    Uni<Void> logs(String tenant, String cluster, String hostId, AgentMessage.LogBatch batch) {
        if (batch.logGroup() == null || batch.logStream() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("logs: logGroup and logStream are required"));
        }
        return send(logs, batch.logGroup() + "/" + batch.logStream(), new EventEnvelope<>("LogBatch", 1,
                hostId + "/logs/" + batch.seq() + "/" + batch.events().size(), tenant, Instant.now(), null,
                new LogBatch(cluster, hostId, batch.logGroup(), batch.logStream(), batch.events())));
    }

    Uni<Void> metrics(String tenant, String cluster, String hostId, AgentMessage.MetricBatch batch) {
        return send(metrics, hostId, new EventEnvelope<>("MetricBatch", 1,
                hostId + "/metrics/" + batch.seq() + "/" + batch.datapoints().size(), tenant, Instant.now(), null,
                new MetricBatch(cluster, hostId, batch.datapoints())));
    }

    void heartbeat(String tenant, String cluster, String hostId, AgentMessage.Heartbeat beat) {
        EventEnvelope<Object> event = EventEnvelope.of("Heartbeat", 1, tenant, null, new HeartbeatDetail(cluster, hostId,
                beat.at(), beat.cpuUsed(), beat.memoryUsed(), beat.runningTasks()));
        TenantEvents.send(heartbeats, hostId, event, "heartbeat of " + hostId);
    }

    private static Uni<Void> send(Emitter<Record<String, EventEnvelope<Object>>> emitter, String key,
                                     EventEnvelope<Object> event) {
        return Uni.createFrom().completionStage(() -> emitter.send(Record.of(key, event)));
    }

}
