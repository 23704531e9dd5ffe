package dev.berth.autoscaler.alarms;

import static dev.berth.autoscaler.alarms.AlarmsTestClient.history;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DescribeAlarmHistory keeps two weeks, as CloudWatch: the cleanup deletes older items and keeps the rest. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AlarmHistoryRetentionIT {

    @Inject
    Pool pool;

    @Inject
    AlarmHistoryStore store;

    @Inject
    AlarmHistoryCleanup cleanup;

    @Test
    void itemsOlderThanTwoWeeksGo() {
        String name = unique("Old");
        Instant now = Instant.now();
        pool.withTransaction(tx -> store.add(tx, "acme", AlarmHistoryItem.created(name, now.minus(Duration.ofDays(15))), null)
                .chain(() -> store.add(tx, "acme", AlarmHistoryItem.updated(name, now.minus(Duration.ofDays(13))), null)))
                .await().indefinitely();
        assertEquals(2, history(name, "ConfigurationUpdate").size());

        cleanup.cleanup().await().indefinitely();

        List<Object> left = history(name, "ConfigurationUpdate").stream().map(item -> (Object) item.get("HistorySummary"))
                .toList();
        assertEquals(List.of("Alarm \"" + name + "\" updated"), left);
        assertEquals(List.of(), history(unique("Nothing"), "ConfigurationUpdate"));
    }
}
