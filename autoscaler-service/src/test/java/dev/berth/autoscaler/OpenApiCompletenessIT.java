package dev.berth.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.OpenApiCompleteness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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

    private static JsonNode document() throws Exception {
        return OpenApiCompleteness.ofService("/api/").document();
    }

    @Test
    void everyOperationHasAnIdAndTypedSchemas() throws Exception {
        OpenApiCompleteness api = OpenApiCompleteness.ofService("/api/");
        assertTrue(api.operationIds().containsAll(Set.of("PutMetricData", "ListMetrics", "GetMetricStatistics",
                "GetMetricData")), "the metrics operations, found " + api.operationIds());
        assertTrue(api.operations() >= 4, "found " + api.operations());
        assertEquals(List.of(), api.problems());
        assertTrue(api.document().get("paths").has("/api/autoscaler/v1/metric-data:query"), "GetMetricData's literal path");
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
}
