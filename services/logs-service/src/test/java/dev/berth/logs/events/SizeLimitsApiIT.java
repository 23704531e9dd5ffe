package dev.berth.logs.events;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.event;
import static dev.berth.logs.LogsTestClient.group;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event is at most 256 KiB, a page of events at most 1 MiB, a group has at most 100 metric filters (5 with regexes). */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class SizeLimitsApiIT {

    private static final int LARGEST_MESSAGE = PutLogEventsLimits.MAX_EVENT_BYTES - PutLogEventsLimits.EVENT_OVERHEAD_BYTES;

    @Test
    void anEventOver256KiBIsRefusedThroughTheApiAndCutFromAnAgent() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "api");
        long now = System.currentTimeMillis();
        as("acme-deployer").body(Map.of("logEvents", List.of(event(now, "fine"), event(now, "x".repeat(LARGEST_MESSAGE + 1)))))
                .post(LogsTestClient.events(group, "api")).then().statusCode(400)
                .body("code", equalTo("InvalidParameterException"))
                .body("message", containsString("logEvents[1].message"));
        LogsTestClient.put(group, "api", List.of(event(now, "x".repeat(LARGEST_MESSAGE))));

        LogsTestClient.sendBatch("acme", group, "agent", List.of(event(now, "y".repeat(300_000)), event(now, "small")),
                "host/" + UUID.randomUUID());
        List<String> fromAgent = LogsTestClient.awaitMessages(group, "agent", found -> found.size() == 2);
        assertEquals(List.of(LARGEST_MESSAGE, 5), fromAgent.stream().map(String::length).toList());
        assertEquals(List.of(LARGEST_MESSAGE), LogsTestClient.awaitMessages(group, "api", found -> !found.isEmpty())
                .stream().map(String::length).toList(), "only the batch that fits was stored");
    }

    @Test
    void pagesOfGetLogEventsAndFilterLogEventsStopAtOneMebibyte() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        long now = System.currentTimeMillis();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(event(now + i, i + "z".repeat(250_000)));
        }
        LogsTestClient.put(group, "s", events);
        LogsTestClient.put(group, "s", List.of(event(now + 4, "4" + "z".repeat(250_000)), event(now + 5, "5 small")));
        LogsTestClient.awaitMessages(group, "s", found -> found.size() == 6);

        // 4 events of 250,027 bytes fit in 1,048,576, a fifth does not
        JsonPath first = as("acme-viewer").get(LogsTestClient.events(group, "s") + "?startFromHead=true&limit=100")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(4, first.getList("events").size());
        JsonPath second = as("acme-viewer").get(LogsTestClient.events(group, "s") + "?limit=100&nextToken="
                + LogsTestClient.encoded(first.getString("nextForwardToken"))).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of('4', '5'), second.<String>getList("events.message").stream().map(m -> m.charAt(0)).toList());
        JsonPath newest = as("acme-viewer").get(LogsTestClient.events(group, "s") + "?limit=100").then().statusCode(200)
                .extract().jsonPath();
        // backward from the end: the small one and four large ones fit
        assertEquals(List.of('1', '2', '3', '4', '5'), newest.<String>getList("events.message").stream()
                .map(m -> m.charAt(0)).toList());

        String filter = group(group) + "/events:filter";
        JsonPath page = as("acme-viewer").body(Map.of("filterPattern", "z")).post(filter).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, page.getList("events").size());
        assertNotNull(page.getString("nextToken"));
        JsonPath rest = as("acme-viewer").body(Map.of("filterPattern", "z", "nextToken", page.getString("nextToken")))
                .post(filter).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of('4'), rest.<String>getList("events.message").stream().map(m -> m.charAt(0)).toList());
        assertNull(rest.getString("nextToken"));
    }

    @Test
    void aGroupHasAtMostOneHundredMetricFilters() {
        String group = LogsTestClient.newGroup(null);
        for (int i = 0; i < 100; i++) {
            as("acme-admin").body(filter(group, "f" + i)).post(API + "/metric-filters").then().statusCode(200);
        }
        as("acme-admin").body(filter(group, "one-more")).post(API + "/metric-filters").then().statusCode(400)
                .body("code", equalTo("LimitExceededException")).body("message", containsString("100 metric filters"))
                .body("field", equalTo("filterName"));
        as("acme-admin").body(filter(group, "f7")).post(API + "/metric-filters").then().statusCode(200);
        as("acme-viewer").body(Map.of("filterPattern", "x", "logEventMessages", List.of("x".repeat(LARGEST_MESSAGE + 1))))
                .post(API + "/metric-filters:test").then().statusCode(400)
                .body("message", containsString("logEventMessages[0]"));
    }

    @Test
    void atMostFiveMetricFiltersOfAGroupUseRegularExpressions() {
        String group = LogsTestClient.newGroup(null);
        for (int i = 0; i < 5; i++) {
            as("acme-admin").body(filter(group, "r" + i, "%ERR" + i + "%")).post(API + "/metric-filters").then()
                    .statusCode(200);
        }
        as("acme-admin").body(filter(group, "r5", "{ $.a = %x% }")).post(API + "/metric-filters").then().statusCode(400)
                .body("code", equalTo("LimitExceededException")).body("message", containsString("filterPattern"));
        as("acme-admin").body(filter(group, "r2", "%WARN%")).post(API + "/metric-filters").then().statusCode(200);
        as("acme-admin").body(filter(group, "plain", "ERROR")).post(API + "/metric-filters").then().statusCode(200);
    }

    private static Map<String, Object> filter(String group, String name) {
        return filter(group, name, "ERROR");
    }

    private static Map<String, Object> filter(String group, String name, String pattern) {
        return Map.of("logGroupName", group, "filterName", name, "filterPattern", pattern,
                "metricTransformations", List.of(Map.of("metricName", "Errors", "metricNamespace", "App",
                        "metricValue", "1")));
    }
}
