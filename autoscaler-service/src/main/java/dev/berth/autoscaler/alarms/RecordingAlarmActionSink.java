package dev.berth.autoscaler.alarms;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Until something runs alarm actions, each one is only written to the alarm's history as an Action item. */
@DefaultBean
@ApplicationScoped
public class RecordingAlarmActionSink implements AlarmActionSink {

    @Inject
    Pool pool;

    @Inject
    AlarmHistoryStore history;

    @Override
    public Uni<Void> run(String tenant, AlarmDefinition alarm, Evaluation evaluation, List<String> actionArns) {
        Instant now = Instant.now();
        return pool.withTransaction(tx -> {
            Uni<Void> written = Uni.createFrom().voidItem();
            for (String arn : actionArns) {
                written = written.chain(() -> history.add(tx, tenant, AlarmHistoryItem.actionExecuted(alarm.alarmName(), now, arn),
                        AlarmJson.write(new ActionHistoryData("Succeeded", arn, evaluation.newState().awsName()))));
            }
            return written;
        });
    }

    /** HistoryData of an Action item. */
    record ActionHistoryData(String actionState, String notificationResource, String stateValue) {
    }
}
