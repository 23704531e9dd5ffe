package dev.berth.logs.groups;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * With a quota of one byte and three groups, every tenant is at its limits: nothing more is stored but the
 * audit trail. This service reads and writes log batches on a topic of its own (see {@link QuotaTestTopic}).
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@TestProfile(TenantQuotaApiIT.AtTheLimits.class)
class TenantQuotaApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_GROUPS = 3;

    public static class AtTheLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.logs.tenant-quota-bytes", "1", "berth.logs.max-log-groups-per-tenant",
                    String.valueOf(MAX_GROUPS));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(QuotaTestTopic.class));
        }
    }

    @Test
    void overTheQuotaAndTheGroupLimitNothingIsStoredButTheAuditTrail() throws Exception {
        List<String> existing = as("acme-viewer").get(API + "/log-groups?limit=50").then().statusCode(200).extract()
                .jsonPath().getList("logGroups.logGroupName");
        for (int i = existing.size(); i < MAX_GROUPS; i++) {
            LogsTestClient.newGroup(null);
        }
        as("acme-admin").body(Map.of("logGroupName", LogsTestClient.newGroupName())).post(API + "/log-groups").then()
                .statusCode(400).body("code", equalTo("LimitExceededException"))
                .body("message", containsString("berth.logs.max-log-groups-per-tenant"))
                .body("field", equalTo("logGroupName"));

        String group = as("acme-viewer").get(API + "/log-groups?limit=50").then().statusCode(200).extract()
                .jsonPath().<String>getList("logGroups.logGroupName").stream()
                .filter(name -> !ReservedGroups.isReserved(name)).findFirst().orElseThrow();
        String stream = "s-" + UUID.randomUUID();
        LogsTestClient.newStream(group, stream);
        long now = System.currentTimeMillis();
        as("acme-deployer").body(Map.of("logEvents", List.of(event(now, "over")))).post(LogsTestClient.events(group, stream))
                .then().statusCode(400).body("code", equalTo("LimitExceededException"))
                .body("message", containsString("berth.logs.tenant-quota-bytes"));

        String newGroup = LogsTestClient.newGroupName();
        LogsTestClient.sendBatch(QuotaTestTopic.TOPIC, "acme", group, stream, List.of(event(now, "from an agent")),
                "host/" + UUID.randomUUID());
        LogsTestClient.sendBatch(QuotaTestTopic.TOPIC, "acme", newGroup, "s", List.of(event(now, "from an agent")),
                "host/" + UUID.randomUUID());
        String requestId = UUID.randomUUID().toString();
        LogsTestClient.producer().send(new ProducerRecord<>("berth.events", "acme", JSON.writeValueAsString(Map.of(
                "type", "berth.audit.api-call", "version", 1, "id", UUID.randomUUID().toString(), "tenant", "acme",
                "time", Instant.now().toString(), "detail", Map.of("requestId", requestId))))).get();

        String filter = LogsTestClient.group("/berth/audit") + "/events:filter";
        List<String> audited = List.of();
        for (int i = 0; i < 100 && audited.isEmpty(); i++) {
            Thread.sleep(200);
            if (as("acme-admin").get(LogsTestClient.group("/berth/audit")).then().extract().statusCode() == 200) {
                audited = as("acme-admin").body(Map.of("filterPattern", "\"" + requestId + "\"")).post(filter).then()
                        .statusCode(200).extract().jsonPath().getList("events.message");
            }
        }
        assertEquals(1, audited.size(), "the audit trail is stored over the quota");
        Thread.sleep(2_000);
        assertEquals(List.of(), LogsTestClient.get(group, stream, "startFromHead=true").getList("events"));
        as("acme-viewer").get(LogsTestClient.group(newGroup)).then().statusCode(404);
    }
}
