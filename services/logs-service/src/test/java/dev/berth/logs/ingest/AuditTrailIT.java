package dev.berth.logs.ingest;

import static dev.berth.logs.LogsTestClient.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The gateway's audit events become events of the tenant's /berth/audit group, once each. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void auditEventsAreQueryableInTheTenantsAuditGroup() throws Exception {
        String requestId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        Map<String, Object> audit = Map.of("type", "berth.audit.api-call", "version", 1, "id", id, "tenant", "globex",
                "time", Instant.now().toString(), "detail", Map.of("principal", "globex-admin", "principalKind", "USER",
                        "action", "DELETE", "resource", "/api/scheduler/v1/clusters/x", "result", 404,
                        "requestId", requestId));
        String value = JSON.writeValueAsString(audit);
        // delivered twice, as after a consumer restart: one event
        LogsTestClient.producer().send(new ProducerRecord<>("berth.events", "globex", value)).get();
        LogsTestClient.producer().send(new ProducerRecord<>("berth.events", "globex", value)).get();

        String filter = LogsTestClient.group("/berth/audit") + "/events:filter";
        Map<String, Object> query = Map.of("filterPattern", "{ $.requestId = \"" + requestId + "\" }");
        List<String> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(200);
            if (as("globex-admin").get(LogsTestClient.group("/berth/audit")).then().extract().statusCode() == 200) {
                found = as("globex-admin").body(query).post(filter).then().statusCode(200).extract().jsonPath()
                        .getList("events.message");
            }
        }
        Thread.sleep(1000);
        found = as("globex-admin").body(query).post(filter).then().statusCode(200).extract().jsonPath()
                .getList("events.message");
        assertEquals(1, found.size());
        assertEquals("DELETE", JSON.readTree(found.get(0)).get("action").asText());
        // acme's audit group, if any, does not hold globex's calls
        int acme = as("acme-admin").get(LogsTestClient.group("/berth/audit")).then().extract().statusCode();
        if (acme == 200) {
            assertEquals(0, as("acme-admin").body(query).post(filter).then().statusCode(200).extract().jsonPath()
                    .getList("events").size());
        }
    }
}
