package dev.berth.logs.retention;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.awaitMessages;
import static dev.berth.logs.LogsTestClient.event;
import static dev.berth.logs.LogsTestClient.get;
import static dev.berth.logs.LogsTestClient.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retention: reads stop at the group's retention at once; housekeeping drops whole expired day partitions. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RetentionIT {

    private static final long DAY = 86_400_000L;

    @Inject
    RetentionJob housekeeping;

    @Inject
    AgroalDataSource dataSource;

    private boolean tableExists(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('logs." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private long rowsOf(String group) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM logs.log_event e JOIN logs.log_group g "
                     + "ON g.id = e.group_id WHERE g.tenant = 'acme' AND g.name = '" + group + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long rowsOf(String group, int retentionClass) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM logs.log_event e JOIN logs.log_group g "
                     + "ON g.id = e.group_id WHERE g.tenant = 'acme' AND g.name = '" + group + "' "
                     + "AND e.retention_days = " + retentionClass)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void longerRetentionMovesEventsOutOfTheShortClassBeforeItExpires() throws Exception {
        String group = LogsTestClient.newGroup(1);
        LogsTestClient.newStream(group, "s");
        long now = System.currentTimeMillis();
        LogsTestClient.put(group, "s", List.of(event(now - 20 * 3_600_000L, "twenty hours old"), event(now, "now")));
        awaitMessages(group, "s", m -> m.size() == 2);
        long bytes = storedBytes(group);
        assertEquals(2, rowsOf(group, 1));

        as("acme-admin").body(Map.of("retentionInDays", 30)).put(group(group) + "/retention-policy").then()
                .statusCode(200);
        housekeeping.run().await().atMost(Duration.ofSeconds(120));
        assertEquals(0, rowsOf(group, 1));
        assertEquals(2, rowsOf(group, 30), "both events now live under the 30-day class");
        assertEquals(bytes, storedBytes(group), "the byte count moved with them");
        assertEquals(List.of("twenty hours old", "now"), get(group, "s", "startFromHead=true").getList("events.message"));
    }

    private static long storedBytes(String group) {
        return ((Number) as("acme-viewer").get(group(group)).then().statusCode(200).extract()
                .path("logGroup.storedBytes")).longValue();
    }

    @Test
    void shorterRetentionHidesOldEventsAndHousekeepingDropsTheirPartition() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        long now = System.currentTimeMillis();
        long threeDaysAgo = now - 3 * DAY;
        LogsTestClient.put(group, "s", List.of(event(threeDaysAgo, "old-1"), event(threeDaysAgo + 1, "old-2")));
        LogsTestClient.put(group, "s", List.of(event(now, "new")));
        assertEquals(List.of("old-1", "old-2", "new"), awaitMessages(group, "s", m -> m.size() == 3));
        long usageBefore = ((Number) as("acme-viewer").get(API + "/usage").then().statusCode(200).extract()
                .path("storedBytes")).longValue();
        assertEquals(3 * 26 + 5 + 5 + 3, storedBytes(group));

        String day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(threeDaysAgo), ZoneOffset.UTC)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
        assertTrue(tableExists("log_event_r0_d" + day));

        as("acme-admin").body(Map.of("retentionInDays", 1)).put(group(group) + "/retention-policy").then()
                .statusCode(200);
        // readers apply the new retention at once; housekeeping moves the events to the one-day class and drops
        // that class's expired day partition whole
        assertEquals(List.of("new"), get(group, "s", "startFromHead=true").getList("events.message"));
        housekeeping.run().await().atMost(Duration.ofSeconds(120));
        assertEquals(1, rowsOf(group), "only the recent event is stored");
        assertFalse(tableExists("log_event_r1_d" + day), "the expired day partition is dropped whole");
        assertEquals(26 + 3, storedBytes(group));
        long usageAfter = ((Number) as("acme-viewer").get(API + "/usage").then().statusCode(200).extract()
                .path("storedBytes")).longValue();
        assertEquals(usageBefore - (2 * 26 + 10), usageAfter);
        assertEquals(List.of("new"), get(group, "s", "startFromHead=true").getList("events.message"));

        // a batch already past the retention is refused whole, saying why
        as("acme-deployer").body(Map.of("logEvents", List.of(event(now - 2 * DAY, "late"))))
                .post(LogsTestClient.events(group, "s")).then().statusCode(400)
                .body("rejectedLogEventsInfo.expiredLogEventEndIndex", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void deletedGroupsEventsArePurgedInTheBackground() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        LogsTestClient.put(group, "s", List.of(event(System.currentTimeMillis(), "bye")));
        awaitMessages(group, "s", m -> m.size() == 1);
        long id;
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM logs.log_group WHERE tenant = 'acme' "
                     + "AND name = '" + group + "'")) {
            rs.next();
            id = rs.getLong(1);
        }
        as("acme-admin").delete(group(group)).then().statusCode(204);
        housekeeping.run().await().atMost(Duration.ofSeconds(60));
        housekeeping.run().await().atMost(Duration.ofSeconds(60));
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM logs.log_event WHERE group_id = "
                     + id + "), (SELECT count(*) FROM logs.log_purge WHERE group_id = " + id + ")")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "events of the deleted group");
            assertEquals(0, rs.getLong(2), "purge entries left");
        }
    }
}
