package dev.berth.autoscaler.ecsmetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the clusters' tasks and hosts from berth.task-state and berth.host-state, and the agents'
 * per-task samples from berth.metrics (a consumer group of its own: the metric store's ingestion
 * reads the same records independently). Every write is idempotent; a write that fails is retried
 * until the database takes it, so a record is acknowledged only once stored. A record that is not
 * one of ours is skipped.
 */
@ApplicationScoped
public class EcsStateConsumer {

    private static final Logger LOG = Logger.getLogger(EcsStateConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    EcsStateStore store;

    @Incoming("ecs-task-state")
    public Uni<Void> taskChanged(String record) {
        return read(record).flatMap(EcsStateEvents::task)
                .map(update -> retried(store.putTask(update), "task " + update.taskId()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    @Incoming("ecs-host-state")
    public Uni<Void> hostChanged(String record) {
        return read(record).flatMap(EcsStateEvents::host)
                .map(update -> retried(store.putHost(update), "host " + update.host().containerInstanceId()))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    @Incoming("ecs-agent-samples")
    public Uni<Void> agentBatches(List<String> records) {
        List<EcsStateStore.StoredSample> samples = new ArrayList<>();
        for (String record : records) {
            read(record).map(AgentBatches::of).ifPresent(batch -> AgentTaskSamples.of(batch.points())
                    .forEach(sample -> samples.add(new EcsStateStore.StoredSample(batch.tenant(), sample))));
        }
        return retried(store.putSamples(samples), samples.size() + " task samples");
    }

    private java.util.Optional<JsonNode> read(String record) {
        try {
            return java.util.Optional.ofNullable(json.readTree(record));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("skipped a record that is not JSON: %s", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static Uni<Void> retried(Uni<Void> write, String what) {
        return write.onFailure().invoke(e -> LOG.warnf("storing %s failed, retrying: %s", what, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }
}
