package dev.berth.autoscaler.alarms;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
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
 * Evaluates due alarms, at most {@link AlarmsConfig#evaluationBatch()} a run and
 * {@link AlarmsConfig#evaluationConcurrency()} at once, each in its own transaction with
 * its row locked (SKIP LOCKED: one replica evaluates it). A change of state writes the new state, its reason and
 * a StateUpdate history item; once that committed, the change is announced on {@code berth.events} and the
 * actions to run go to the {@link AlarmActionSink}. Every alarm gets its next evaluation on its cadence: every
 * minute, every 10 seconds for periods under a minute.
 */
@ApplicationScoped
public class AlarmEvaluationJob {

    private static final Logger LOG = Logger.getLogger(AlarmEvaluationJob.class);

    @Inject
    Pool pool;

    @Inject
    AlarmStore alarms;

    @Inject
    AlarmHistoryStore history;

    @Inject
    AlarmDatapoints datapoints;

    @Inject
    AlarmEvents events;

    @Inject
    AlarmActionSink sink;

    @Inject
    AlarmsConfig config;

    /** What one evaluation decided, for the steps after its commit. */
    record Outcome(StoredAlarm before, Evaluation evaluation, Optional<AlarmStateChangeEvent> change,
                   List<String> actions) {
    }

    @Scheduled(every = "${berth.autoscaler.alarms.evaluate-every:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return evaluateDue().replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("alarms not evaluated this time: %s", e.getMessage());
            return null;
        });
    }

    /** Evaluates the alarms due now; answers how many it evaluated. */
    public Uni<Integer> evaluateDue() {
        return alarms.due(Instant.now(), config.evaluationBatch())
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUni(this::evaluate).merge(config.evaluationConcurrency())
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    Uni<Boolean> evaluate(AlarmStore.AlarmKey key) {
        Instant now = Instant.now();
        return pool.withTransaction(tx -> alarms.lockIfDue(tx, key, now).chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(Optional.<Outcome>empty())
                        : decide(tx, found.get(), now).map(Optional::of)))
                .call(outcome -> outcome.map(this::afterCommit).orElseGet(() -> Uni.createFrom().voidItem()))
                .map(Optional::isPresent)
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("alarm %s of %s not evaluated: %s", key.alarmName(), key.tenant(), e.getMessage());
                    return alarms.postpone(key, now.plus(config.standardCadence())).replaceWith(false)
                            .onFailure().recoverWithItem(false);
                });
    }

    private Uni<Outcome> decide(SqlClient tx, StoredAlarm alarm, Instant now) {
        AlarmDefinition definition = alarm.definition();
        Instant next = nextEvaluation(definition.period(), now);
        return datapoints.of(alarm.tenant(), definition, now).chain(points -> {
            Evaluation evaluation = AlarmEvaluator.evaluate(definition, alarm.state(), now, points);
            List<String> actions = AlarmActions.toRun(definition, evaluation, sink::isScalingPolicy);
            Uni<Void> counted = alarms.evaluatedValues(tx, alarm.tenant(), definition.alarmName(),
                    AlarmEvaluator.evaluatedValues(definition, now, points));
            if (!evaluation.changed()) {
                return counted.chain(() -> alarms.scheduleNext(tx, alarm.tenant(), definition.alarmName(), next))
                        .replaceWith(new Outcome(alarm, evaluation, Optional.empty(), actions));
            }
            StateReason reason = evaluation.reason().orElseThrow();
            String reasonData = reason.data() == null ? null : AlarmJson.write(reason.data());
            return counted.chain(() -> changeState(tx, alarm, evaluation.newState(), reason.text(), reasonData, now, next))
                    .map(change -> new Outcome(alarm, evaluation, Optional.of(change), actions));
        });
    }

    /** Writes a change of state and its history item in {@code tx}; answers the event to send once committed. */
    Uni<AlarmStateChangeEvent> changeState(SqlClient tx, StoredAlarm alarm, AlarmState newState, String reason,
                                           String reasonData, Instant now, Instant next) {
        String name = alarm.definition().alarmName();
        AlarmStateChange change = new AlarmStateChange(name, now, alarm.state(), new StateReason(alarm.stateReason(), null),
                newState, new StateReason(reason, null));
        return alarms.setState(tx, alarm.tenant(), name, newState, reason, reasonData, now, true, next)
                .chain(() -> history.add(tx, alarm.tenant(), change.historyItem(),
                        StateHistoryData.json(alarm.state(), alarm.stateReason(), newState, reason, reasonData)))
                .replaceWith(() -> AlarmStateChangeEvent.of(alarm, newState, reason, reasonData, now));
    }

    Uni<Void> afterCommit(Outcome outcome) {
        String tenant = outcome.before().tenant();
        outcome.change().ifPresent(change -> events.stateChanged(tenant, change));
        if (outcome.actions().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sink.run(tenant, outcome.before().definition(), outcome.evaluation(), outcome.actions())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("actions of alarm %s of %s not run: %s", outcome.before().definition().alarmName(), tenant,
                            e.getMessage());
                    return null;
                });
    }

    /** The next evaluation on the alarm's cadence, aligned to multiples of the interval since the epoch. */
    Instant nextEvaluation(int periodSeconds, Instant now) {
        return AlarmCadence.next(periodSeconds < 60 ? config.highResolutionCadence() : config.standardCadence(), now);
    }
}
