package dev.berth.scheduler.scaling;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.scaling.ScalingAction;
import dev.berth.common.scaling.ScalingOutcome;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.services.Service;
import dev.berth.scheduler.services.ServiceStore;
import dev.berth.scheduler.services.ServicesConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import io.smallrye.reactive.messaging.kafka.Record;
import org.jboss.logging.Logger;

/**
 * Applies the autoscaler's decisions to services: the desired count changes in one transaction
 * with the record of the action, so a redelivered action is answered with its first outcome and
 * never applied twice. Every outcome goes back on {@code berth.scaling-results}; a count that
 * changed is an "ECS Service Action" SERVICE_DESIRED_COUNT_UPDATED on {@code berth.events}.
 */
@ApplicationScoped
public class DesiredCountScaling {

    private static final Logger LOG = Logger.getLogger(DesiredCountScaling.class);

    @Inject
    Pool pool;

    @Inject
    ServiceStore services;

    @Inject
    AppliedScalingActions applied;

    @Inject
    ServicesConfig config;

    @Inject
    SchedulerEvents events;

    @Inject
    @Channel("scaling-results")
    Emitter<Record<String, EventEnvelope<ScalingOutcome>>> results;

    /** The action's outcome, applied now or found from an earlier delivery; answered either way. */
    public Uni<ScalingOutcome> apply(String tenant, ScalingAction action) {
        return pool.withTransaction(tx -> applied.find(tx, tenant, action.actionId()).chain(earlier -> earlier.isPresent()
                        ? Uni.createFrom().item(new Applied(earlier.get(), Optional.empty(), false))
                        : services.lock(tx, tenant, action.cluster(), action.service()).chain(found -> inProgress(tx, tenant,
                                action, found).chain(deploying -> {
                            ScalingOutcome outcome = DesiredCountDecision.decide(action, found, deploying,
                                    config.maxDesiredCount());
                            boolean changed = outcome.status() == ScalingOutcome.Status.SUCCESSFUL
                                    && !outcome.desiredCount().equals(outcome.previousDesiredCount());
                            Uni<Void> write = changed ? services.setDesiredCount(tx, found.get(), outcome.desiredCount())
                                    : Uni.createFrom().voidItem();
                            return write.chain(ok -> applied.record(tx, tenant, outcome))
                                    .replaceWith(new Applied(outcome, found, changed));
                        }))))
                .invoke(done -> answered(tenant, action, done))
                .map(Applied::outcome);
    }

    private record Applied(ScalingOutcome outcome, Optional<Service> service, boolean changed) {
    }

    /** The detail of the "ECS Service Action" event a changed count is. */
    public record DesiredCountUpdated(String eventType, String eventName, String clusterArn, String serviceArn,
                                      int desiredCount, int previousDesiredCount, String reason) {
    }

    private Uni<Boolean> inProgress(SqlClient tx, String tenant, ScalingAction action,
                                    Optional<Service> found) {
        return found.isEmpty() ? Uni.createFrom().item(false)
                : services.deploymentInProgress(tx, tenant, action.cluster(), action.service());
    }

    private void answered(String tenant, ScalingAction action, Applied done) {
        if (done.changed()) {
            Service service = done.service().orElseThrow();
            events.serviceAction(tenant, new DesiredCountUpdated("INFO", "SERVICE_DESIRED_COUNT_UPDATED",
                    Cluster.arn(tenant, service.cluster()), service.arn(), done.outcome().desiredCount(),
                    done.outcome().previousDesiredCount(), action.cause()), "desired count of " + service.name());
        }
        EventEnvelope<ScalingOutcome> envelope = new EventEnvelope<>(ScalingOutcome.TYPE, ScalingOutcome.VERSION,
                "outcome/" + action.actionId(), tenant, Instant.now(), null, done.outcome());
        results.send(Record.of(action.resourceId(), envelope)).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf("outcome of scaling action %s not sent: %s", action.actionId(), failure.getMessage());
            }
        });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOld() {
        return applied.forgetOld(10_000).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("old scaling actions not forgotten: %s", e.getMessage());
                    return null;
                });
    }
}
