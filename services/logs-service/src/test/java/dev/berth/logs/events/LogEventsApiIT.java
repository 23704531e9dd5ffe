package dev.berth.logs.events;

import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.awaitMessages;
import static dev.berth.logs.LogsTestClient.event;
import static dev.berth.logs.LogsTestClient.events;
import static dev.berth.logs.LogsTestClient.get;
import static dev.berth.logs.LogsTestClient.group;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ingestion from berth.logs, PutLogEvents and GetLogEvents against real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LogEventsApiIT {

    private static List<Map<String, Object>> lines(long from, int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> event(from + i, prefix + i)).toList();
    }

    @Test
    void agentBatchesCreateGroupAndStreamAndAreStoredOnceInTimeOrder() throws Exception {
        String group = LogsTestClient.newGroupName();
        String stream = "web/app/" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        String id = "host-1/logs/" + UUID.randomUUID();
        // the second batch is older: reads are in time order, not arrival order
        LogsTestClient.sendBatch("acme", group, stream, lines(now, 3, "late-"), id);
        LogsTestClient.sendBatch("acme", group, stream, lines(now - 1000, 2, "early-"), id + "-2");
        // the first again, as after a consumer restart: stored once
        LogsTestClient.sendBatch("acme", group, stream, lines(now, 3, "late-"), id);
        List<String> messages = awaitMessages(group, stream, m -> m.size() >= 5);
        Thread.sleep(500);
        assertEquals(List.of("early-0", "early-1", "late-0", "late-1", "late-2"),
                get(group, stream, "startFromHead=true").getList("events.message"));
        assertEquals(5, messages.size());
        as("acme-viewer").get(group(group) + "/streams").then().statusCode(200)
                .body("logStreams[0].logStreamName", equalTo(stream))
                .body("logStreams[0].firstEventTimestamp", equalTo(now - 1000))
                .body("logStreams[0].lastEventTimestamp", equalTo(now + 2));
        // another tenant's batch with the same names is another group
        as("globex-admin").get(events(group, stream)).then().statusCode(404);
    }

    @Test
    void getLogEventsPagesBothWaysWithTokens() throws Exception {
        String group = LogsTestClient.newGroup(null);
        String stream = "s";
        LogsTestClient.newStream(group, stream);
        long start = System.currentTimeMillis() - 60_000;
        LogsTestClient.put(group, stream, lines(start, 25, "m"));
        awaitMessages(group, stream, m -> m.size() == 25);

        JsonPath first = get(group, stream, "startFromHead=true&limit=10");
        assertEquals(lines(start, 10, "m").stream().map(e -> e.get("message")).toList(), first.getList("events.message"));
        JsonPath second = get(group, stream, "limit=10&nextToken=" + first.getString("nextForwardToken"));
        assertEquals("m10", second.getList("events.message").get(0));
        JsonPath third = get(group, stream, "limit=10&nextToken=" + second.getString("nextForwardToken"));
        assertEquals(5, third.getList("events").size());
        JsonPath end = get(group, stream, "limit=10&nextToken=" + third.getString("nextForwardToken"));
        assertEquals(0, end.getList("events").size());
        assertEquals(third.getString("nextForwardToken"), end.getString("nextForwardToken"));

        // without startFromHead: the newest events, still in time order; backward from there
        JsonPath newest = get(group, stream, "limit=10");
        assertEquals("m15", newest.getList("events.message").get(0));
        assertEquals("m24", newest.getList("events.message").get(9));
        JsonPath before = get(group, stream, "limit=10&nextToken=" + newest.getString("nextBackwardToken"));
        assertEquals("m5", before.getList("events.message").get(0));
        assertEquals("m14", before.getList("events.message").get(9));

        // a time range: [startTime, endTime)
        JsonPath range = get(group, stream, "startFromHead=true&startTime=" + (start + 3) + "&endTime=" + (start + 6));
        assertEquals(List.of("m3", "m4", "m5"), range.getList("events.message"));

        as("acme-viewer").get(events(group, stream) + "?nextToken=bogus").then().statusCode(400)
                .body("message", containsString("nextToken"));
    }

    @Test
    void putLogEventsRefusesWholeBatchesOutsideTheRules() throws Exception {
        String group = LogsTestClient.newGroup(null);
        String stream = "s";
        LogsTestClient.newStream(group, stream);
        long now = System.currentTimeMillis();

        List<Map<String, Object>> tooOld = new ArrayList<>(List.of(event(now - 15L * 86_400_000, "old")));
        tooOld.addAll(lines(now, 2, "fine"));
        as("acme-deployer").body(Map.of("logEvents", tooOld)).post(events(group, stream)).then().statusCode(400)
                .body("code", equalTo("InvalidParameterException")).body("field", equalTo("logEvents"))
                .body("message", containsString("14 days"))
                .body("rejectedLogEventsInfo.tooOldLogEventEndIndex", equalTo(0));
        as("acme-deployer").body(Map.of("logEvents", List.of(event(now, "fine"), event(now + 3 * 3_600_000, "future"))))
                .post(events(group, stream)).then().statusCode(400)
                .body("rejectedLogEventsInfo.tooNewLogEventStartIndex", equalTo(1));
        as("acme-deployer").body(Map.of("logEvents", lines(now, 10_001, "x"))).post(events(group, stream)).then()
                .statusCode(400).body("message", containsString("10000"));
        String big = "x".repeat(100_000);
        as("acme-deployer").body(Map.of("logEvents", IntStream.range(0, 11).mapToObj(i -> event(now, big)).toList()))
                .post(events(group, stream)).then().statusCode(400).body("message", containsString("1048576"));
        as("acme-deployer").body(Map.of("logEvents", List.of(event(now, "")))).post(events(group, stream)).then()
                .statusCode(400).body("message", containsString("logEvents[0].message"));
        as("acme-deployer").body(Map.of("logEvents", lines(now, 1, "x"))).post(events(group, "no-such-stream")).then()
                .statusCode(404).body("code", equalTo("ResourceNotFoundException"));
        as("acme-viewer").body(Map.of("logEvents", lines(now, 1, "x"))).post(events(group, stream)).then()
                .statusCode(403);

        // a good batch after the refused ones: only it is stored
        String token = as("acme-deployer").body(Map.of("logEvents", List.of(event(now + 1, "b"), event(now, "a"))))
                .post(events(group, stream)).then().statusCode(200).extract().path("nextSequenceToken");
        assertNotNull(token);
        List<String> stored = awaitMessages(group, stream, m -> m.size() >= 2);
        Thread.sleep(500);
        assertEquals(List.of("a", "b"), get(group, stream, "startFromHead=true").getList("events.message"));
        assertEquals(2, stored.size());
        as("acme-viewer").get(group(group)).then().statusCode(200).body("logGroup.storedBytes", equalTo(2 * 27));
    }

    @Test
    void filterLogEventsAcrossStreamsWithPatternsTimeRangesAndPages() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "a");
        LogsTestClient.newStream(group, "b");
        long t = System.currentTimeMillis() - 10_000;
        LogsTestClient.put(group, "a", List.of(
                event(t, "ERROR disk full"),
                event(t + 2, "{\"level\":\"ERROR\",\"latency\":250}"),
                event(t + 4, "INFO all good")));
        LogsTestClient.put(group, "b", List.of(
                event(t + 1, "ERROR Exiting now"),
                event(t + 3, "{\"level\":\"ERROR\",\"latency\":50}"),
                event(t + 5, "WARN slow")));
        awaitMessages(group, "b", m -> m.size() == 3);
        String filter = group(group) + "/events:filter";

        assertEquals(List.of("ERROR disk full", "ERROR Exiting now"), filtered(filter, Map.of("filterPattern", "?disk ?now")));
        assertEquals(List.of("ERROR disk full"), filtered(filter, Map.of("filterPattern", "\"disk full\"")));
        assertEquals(List.of("ERROR disk full", "{\"level\":\"ERROR\",\"latency\":250}",
                "{\"level\":\"ERROR\",\"latency\":50}"), filtered(filter, Map.of("filterPattern", "ERROR -Exiting")));
        assertEquals(List.of("INFO all good", "WARN slow"), filtered(filter, Map.of("filterPattern", "?INFO ?WARN")));
        assertEquals(List.of("{\"level\":\"ERROR\",\"latency\":250}"),
                filtered(filter, Map.of("filterPattern", "{ $.level = \"ERROR\" && $.latency > 100 }")));
        assertEquals(List.of("ERROR Exiting now", "{\"level\":\"ERROR\",\"latency\":50}", "WARN slow"),
                filtered(filter, Map.of("logStreamNames", List.of("b"))));
        assertEquals(List.of("ERROR Exiting now", "{\"level\":\"ERROR\",\"latency\":250}"),
                filtered(filter, Map.of("startTime", t + 1, "endTime", t + 3)));
        as("acme-viewer").body(Map.of("filterPattern", "{ $.level = ")).post(filter).then().statusCode(400)
                .body("message", containsString("filterPattern"));

        // pages of two, in time order across streams, each event once
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> body = token == null ? Map.of("limit", 2) : Map.of("limit", 2, "nextToken", token);
            JsonPath page = as("acme-viewer").body(body).post(filter).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("events.message"));
            assertTrue(page.getList("events").size() <= 2);
            token = page.getString("nextToken");
        } while (token != null);
        assertEquals(6, all.size());
        assertEquals("ERROR disk full", all.get(0));
        assertEquals("WARN slow", all.get(5));
        as("acme-viewer").body(Map.of()).post(filter).then().statusCode(200).body("events[0].logStreamName", equalTo("a"))
                .body("events", hasSize(6));
        // a client that encodes every ':' of the path reaches the same call
        as("acme-viewer").body(Map.of()).post(filter.replace(":", "%3A")).then().statusCode(200).body("events", hasSize(6));
    }

    @Test
    void filterFindsRareEventsAcrossManyReadSlicesOnce() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "busy");
        long t = System.currentTimeMillis() - 60_000;
        // 12,000 events, every 997th a needle: the search reads several slices of rows
        for (int batch = 0; batch < 2; batch++) {
            int offset = batch * 6_000;
            LogsTestClient.put(group, "busy", IntStream.range(offset, offset + 6_000)
                    .mapToObj(i -> event(t + i, (i % 997 == 0 ? "needle " : "hay ") + i)).toList());
        }
        awaitMessages(group, "busy", m -> m.size() == 10_000);
        List<String> needles = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> body = token == null ? Map.of("filterPattern", "needle", "limit", 5)
                    : Map.of("filterPattern", "needle", "limit", 5, "nextToken", token);
            JsonPath page = as("acme-viewer").body(body).post(group(group) + "/events:filter").then().statusCode(200)
                    .extract().jsonPath();
            needles.addAll(page.getList("events.message"));
            token = page.getString("nextToken");
            pages++;
        } while (token != null && pages < 100);
        assertEquals(IntStream.range(0, 12_000).filter(i -> i % 997 == 0).mapToObj(i -> "needle " + i).toList(), needles);
    }

    private static List<String> filtered(String path, Map<String, Object> body) {
        return as("acme-viewer").body(body).post(path).then().statusCode(200).extract().jsonPath()
                .getList("events.message");
    }
}
