package dev.berth.logs.ingest;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.event;
import static dev.berth.logs.LogsTestClient.group;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A tenant can neither forge nor erase its audit trail: names under /berth/ are the platform's. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ReservedGroupsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIT = "/berth/audit";

    private static void refused(ValidatableResponse response) {
        response.statusCode(400).body("code", equalTo("InvalidParameterException"))
                .body("message", containsString("logGroupName"));
    }

    /** Sends a gateway audit event for acme and waits until the audit group holds it; returns its request id. */
    private static String audited() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> audit = Map.of("type", "berth.audit.api-call", "version", 1, "id",
                UUID.randomUUID().toString(), "tenant", "acme", "time", Instant.now().toString(),
                "detail", Map.of("principal", "acme-admin", "action", "POST", "resource", "/api/x", "result", 200,
                        "requestId", requestId));
        LogsTestClient.producer().send(new ProducerRecord<>("berth.events", "acme", JSON.writeValueAsString(audit)))
                .get();
        for (int i = 0; i < 100; i++) {
            if (auditMessagesContaining(requestId).size() == 1) {
                return requestId;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the audit event was not stored");
    }

    private static List<String> auditMessagesContaining(String text) {
        if (as("acme-admin").get(group(AUDIT)).then().extract().statusCode() != 200) {
            return List.of();
        }
        return as("acme-admin").body(Map.of("filterPattern", "\"" + text + "\"")).post(group(AUDIT) + "/events:filter")
                .then().statusCode(200).extract().jsonPath().getList("events.message");
    }

    @Test
    void noWriteCallOfATenantReachesAReservedGroup() throws Exception {
        audited();
        Integer retention = as("acme-admin").get(group(AUDIT)).then().statusCode(200).extract().path(
                "logGroup.retentionInDays");

        refused(as("acme-admin").body(Map.of("logGroupName", AUDIT)).post(API + "/log-groups").then());
        refused(as("acme-admin").body(Map.of("logGroupName", "/berth/mine")).post(API + "/log-groups").then());
        refused(as("acme-deployer").body(Map.of("logEvents", List.of(event(System.currentTimeMillis(), "forged"))))
                .post(LogsTestClient.events(AUDIT, "api-calls")).then());
        refused(as("acme-deployer").body(Map.of("logStreamName", "forged")).post(group(AUDIT) + "/streams").then());
        refused(as("acme-admin").body(Map.of("retentionInDays", 1)).put(group(AUDIT) + "/retention-policy").then());
        refused(as("acme-admin").delete(group(AUDIT) + "/retention-policy").then());
        refused(as("acme-admin").body(Map.of("tags", Map.of("a", "b"))).put(group(AUDIT) + "/tags").then());
        refused(as("acme-admin").delete(group(AUDIT) + "/tags?tagKeys=a").then());
        refused(as("acme-admin").delete(group(AUDIT) + "/streams/api-calls").then());
        refused(as("acme-admin").delete(group(AUDIT)).then());

        as("acme-viewer").get(group(AUDIT)).then().statusCode(200).body("logGroup.retentionInDays", equalTo(retention));
        as("acme-viewer").get(group(AUDIT) + "/streams").then().statusCode(200)
                .body("logStreams.logStreamName", equalTo(List.of("api-calls")));
        // reading, and deriving metrics, stay open
        as("acme-admin").body(Map.of("logGroupName", AUDIT, "filterName", "denied", "filterPattern",
                        "{ $.result = 403 }", "metricTransformations", List.of(Map.of("metricName", "Denied",
                                "metricNamespace", "Audit", "metricValue", "1"))))
                .post(API + "/metric-filters").then().statusCode(200);
    }

    @Test
    void batchesOnBerthLogsForReservedGroupsAreDroppedUnlessTheAuditTrailWroteThem() throws Exception {
        String forged = "forged-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        // as the scheduler forwards an agent's batch, even with an id shaped like the audit trail's
        LogsTestClient.sendBatch("acme", AUDIT, "api-calls", List.of(event(now, "{\"requestId\":\"" + forged + "\"}")),
                "audit/" + UUID.randomUUID());
        String otherGroup = "/berth/" + UUID.randomUUID().toString().substring(0, 8);
        LogsTestClient.sendBatch("acme", otherGroup, "s", List.of(event(now, forged)), "host/" + UUID.randomUUID());

        // the real audit path, on the same partition and after the forged batch, still works
        audited();
        assertEquals(List.of(), auditMessagesContaining(forged));
        as("acme-viewer").get(group(otherGroup)).then().statusCode(404);
        assertTrue(auditMessagesContaining("acme-admin").size() >= 1);
    }
}
