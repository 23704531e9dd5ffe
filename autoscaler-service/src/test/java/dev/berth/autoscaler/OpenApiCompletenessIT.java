package dev.berth.autoscaler;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the autoscaler API is described well enough for the gateway's merged document: an
 * operationId, a typed schema for its success body and for the body it takes; CloudWatch's members keep
 * their PascalCase names.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class OpenApiCompletenessIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> WITH_BODY = Set.of("put", "post", "patch");

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void everyOperationHasAnIdAndTypedSchemas() throws Exception {
        JsonNode doc = document();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isBlank() || !ids.add(id)) {
                    problems.add(where + ": missing or repeated operationId '" + id + "'");
                }
                checkResponses(doc, where, op.getValue().path("responses"), problems);
                JsonNode body = op.getValue().path("requestBody");
                if (WITH_BODY.contains(op.getKey()) && !typed(doc, body.path("content").path("application/json")
                        .path("schema"))) {
                    problems.add(where + ": no typed request body schema");
                }
            }
        }
        assertTrue(ids.containsAll(Set.of("PutMetricData", "ListMetrics", "GetMetricStatistics", "GetMetricData")),
                "the metrics operations, found " + ids);
        assertTrue(operations >= 4, "found " + operations);
        assertEquals(List.of(), problems);
        assertTrue(doc.get("paths").has("/api/autoscaler/v1/metric-data:query"), "GetMetricData's literal path");
    }

    @Test
    void cloudWatchMembersArePascalCase() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        assertTrue(schemas.path("PutMetricDataRequest").path("properties").has("MetricData"),
                schemas.path("PutMetricDataRequest").toString());
        assertTrue(schemas.path("MetricDatum").path("properties").has("StatisticValues"));
        assertTrue(schemas.path("Datapoint").path("properties").has("SampleCount"));
        assertTrue(schemas.path("MetricDataQuery").path("properties").has("MetricStat"));
    }

    @Test
    void alarmOperationsHaveCloudWatchsNamesAndLiteralPaths() throws Exception {
        JsonNode doc = document();
        JsonNode paths = doc.get("paths");
        assertEquals("PutMetricAlarm", paths.at("/~1api~1autoscaler~1v1~1alarms/post/operationId").asText());
        assertEquals("DescribeAlarms", paths.at("/~1api~1autoscaler~1v1~1alarms/get/operationId").asText());
        assertEquals("DeleteAlarms", paths.at("/~1api~1autoscaler~1v1~1alarms/delete/operationId").asText());
        assertEquals("DescribeAlarmHistory", paths.at("/~1api~1autoscaler~1v1~1alarm-history/get/operationId").asText());
        assertEquals("SetAlarmState", paths.at("/~1api~1autoscaler~1v1~1alarms:set-state/post/operationId").asText());
        assertEquals("EnableAlarmActions", paths.at("/~1api~1autoscaler~1v1~1alarms:enable-actions/post/operationId").asText());
        assertEquals("DisableAlarmActions",
                paths.at("/~1api~1autoscaler~1v1~1alarms:disable-actions/post/operationId").asText());
        assertTrue(paths.at("/~1api~1autoscaler~1v1~1alarms:set-state/post/parameters").isMissingNode()
                || paths.at("/~1api~1autoscaler~1v1~1alarms:set-state/post/parameters").isEmpty(), "no path parameter left");
        JsonNode schemas = doc.path("components").path("schemas");
        for (String member : List.of("AlarmName", "AlarmArn", "ActionsEnabled", "OKActions", "StateValue", "StateReason",
                "StateReasonData", "StateUpdatedTimestamp", "AlarmConfigurationUpdatedTimestamp", "Dimensions")) {
            assertTrue(schemas.path("MetricAlarm").path("properties").has(member), member + " in "
                    + schemas.path("MetricAlarm"));
        }
        assertTrue(schemas.path("PutMetricAlarmRequest").path("properties").has("OKActions"));
        assertTrue(schemas.path("SetAlarmStateRequest").path("properties").has("StateReasonData"));
    }

    private static void checkResponses(JsonNode doc, String where, JsonNode responses, List<String> problems) {
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            if (response.getKey().equals("204")) {
                continue;
            }
            boolean typedBody = false;
            for (JsonNode media : response.getValue().path("content")) {
                typedBody |= typed(doc, media.path("schema"));
            }
            if (!typedBody) {
                problems.add(where + ": " + response.getKey() + " has no typed response schema");
            }
        }
        if (!success) {
            problems.add(where + ": no success response");
        }
    }

    private static boolean typed(JsonNode doc, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return typed(doc, doc.path("components").path("schemas").path(name));
        }
        if (schema.has("oneOf")) {
            for (JsonNode choice : schema.get("oneOf")) {
                if (!typed(doc, choice)) {
                    return false;
                }
            }
            return true;
        }
        // an empty record ({} as AWS answers DeregisterScalableTarget) is an object with no properties, but
        // unlike a Map it allows none beyond them
        boolean emptyRecord = schema.path("type").asText().equals("object") && !schema.has("additionalProperties");
        return schema.has("properties") || emptyRecord
                || schema.path("type").asText().equals("array") && typed(doc, schema.path("items"));
    }
}
