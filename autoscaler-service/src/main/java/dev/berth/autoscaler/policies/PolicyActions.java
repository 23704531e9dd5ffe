package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.alarms.AlarmActionSink;
import dev.berth.autoscaler.alarms.AlarmDefinition;
import dev.berth.autoscaler.alarms.AlarmsService;
import dev.berth.autoscaler.alarms.Evaluation;
import dev.berth.autoscaler.alarms.RecordingAlarmActionSink;
import dev.berth.autoscaler.scaling.ActivityStatusCode;
import dev.berth.autoscaler.scaling.CapacityChanges;
import dev.berth.autoscaler.scaling.CooldownState;
import dev.berth.autoscaler.scaling.PolicyTrigger;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.autoscaler.scaling.ScalableTargetStore;
import dev.berth.autoscaler.scaling.ScalingActivity;
import dev.berth.autoscaler.scaling.ScalingContext;
import dev.berth.autoscaler.scaling.ScalingDecider;
import dev.berth.autoscaler.scaling.ScalingDecision;
import dev.berth.autoscaler.scaling.StoredTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs alarm actions: every action is written to the alarm's history (as before), and the scaling policies
 * among them scale their targets. For each target one transaction locks the target (evaluations of its
 * alarms take turns), reads all its policies with their alarms, its cooldowns and its last known desired
 * count, and lets {@link ScalingDecider} decide: a scale is recorded as a capacity change together with the
 * new cooldown state and the new count as the known one (the next evaluation counts from it), and sent once
 * committed; a not-scaled decision is a Failed activity with its reasons (once while it repeats).
 * The alarm repeats the action at every evaluation while it stays in ALARM; the cooldown state written with
 * each scale is what keeps one breach from scaling again before its cooldown allows.
 */
@ApplicationScoped
public class PolicyActions implements AlarmActionSink {

    private static final Logger LOG = Logger.getLogger(PolicyActions.class);

    @Inject
    RecordingAlarmActionSink history;

    @Inject
    Pool pool;

    @Inject
    ScalingPolicyStore policies;

    @Inject
    ScalableTargetStore targets;

    @Inject
    CooldownStore cooldowns;

    @Inject
    AlarmsService alarms;

    @Inject
    CapacityChanges changes;

    @Override
    public Uni<Void> run(String tenant, AlarmDefinition alarm, Evaluation evaluation, List<String> actionArns) {
        List<String> policyArns = actionArns.stream().filter(this::isScalingPolicy).toList();
        Uni<Void> recorded = history.run(tenant, alarm, evaluation, actionArns);
        if (policyArns.isEmpty()) {
            return recorded;
        }
        return recorded.chain(() -> policies.byArns(pool, tenant, policyArns)).chain(found -> {
            List<ScalableTargetId> scaled = found.stream().map(StoredPolicy::target).distinct().toList();
            Uni<Void> done = Uni.createFrom().voidItem();
            for (ScalableTargetId target : scaled) {
                done = done.chain(() -> scale(tenant, target));
            }
            return done;
        });
    }

    /** One evaluation of all of a target's policies. */
    Uni<Void> scale(String tenant, ScalableTargetId id) {
        return pool.withTransaction(tx -> targets.lock(tx, tenant, id).chain(target -> target.isEmpty()
                        ? Uni.createFrom().item(Optional.<ScalingActivity>empty())
                        : decide(tx, tenant, target.get())))
                .invoke(change -> change.ifPresent(changes::send))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("scaling policies of %s (%s) not evaluated: %s", id.resourceId(), tenant, e.getMessage());
                    return null;
                });
    }

    private Uni<Optional<ScalingActivity>> decide(SqlClient tx, String tenant, StoredTarget target) {
        ScalableTargetId id = target.target().id();
        return policies.ofTarget(tx, tenant, id).chain(all -> {
            List<String> ownAlarms = all.stream().flatMap(p -> p.alarmNames().stream()).toList();
            List<String> arns = all.stream().map(StoredPolicy::arn).toList();
            return alarms.snapshots(tx, tenant, ownAlarms, arns)
                    .chain(snapshots -> cooldowns.get(tx, tenant, id).chain(cooldown -> {
                        Instant now = Instant.now();
                        List<PolicyTrigger> triggers = PolicyTriggers.of(all, snapshots);
                        int current = target.knownDesiredCount() != null ? target.knownDesiredCount()
                                : target.target().capacity().clamp(0);
                        ScalingDecision decision = ScalingDecider.decide(
                                new ScalingContext(target.target(), current, false, cooldown, now), triggers);
                        return record(tx, tenant, target, cooldown, decision, now);
                    }));
        });
    }

    private Uni<Optional<ScalingActivity>> record(SqlClient tx, String tenant, StoredTarget target, CooldownState cooldown,
            ScalingDecision decision, Instant now) {
        ScalableTargetId id = target.target().id();
        return switch (decision) {
            case ScalingDecision.Scale scale -> changes.record(tx, tenant, target.target(), scale.currentCount(),
                            scale.newCount(), scale.cause())
                    .call(() -> cooldowns.put(tx, tenant, id, cooldown.after(scale, now)))
                    // the next evaluation counts from the count just asked for, as the cooldown rules expect
                    // (the scheduler's outcome sets the count it reached once it answers)
                    .call(() -> targets.knownDesiredCount(tx, tenant, id.resourceId().toString(), scale.newCount()))
                    .map(Optional::of);
            case ScalingDecision.NotScaled notScaled -> changes.recordNotScaled(tx, ScalingActivity.finished(tenant, id,
                            notScaled.description(), notScaled.cause(), ActivityStatusCode.FAILED, null, notScaled.reasons(), now))
                    .replaceWith(Optional.empty());
            case ScalingDecision.NoAction ignored -> Uni.createFrom().item(Optional.empty());
        };
    }
}
