package dev.berth.autoscaler.policies;

import static dev.berth.autoscaler.scaling.AutoscalerTestClient.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.autoscaler.scaling.CapacityRange;
import dev.berth.autoscaler.scaling.ScalableTarget;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.autoscaler.scaling.ScalableTargetStore;
import dev.berth.autoscaler.scaling.SuspendedState;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy on real PostgreSQL: target tracking's
 * synthesized alarms are visible in DescribeAlarms with AWS's names and thresholds, refused to users' edits,
 * replaced by an update and deleted with the policy or its target.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ScalingPoliciesIT {

    static final String POLICIES = "/api/autoscaler/v1/scaling-policies";
    static final String ALARMS = "/api/autoscaler/v1/alarms";

    @Inject
    Pool pool;

    @Inject
    ScalableTargetStore targets;

    /** A registered target of tenant acme (put in place through its store: no scheduler runs here). */
    String target(int min, int max, int count) {
        ScalableTargetId id = ScalableTargetId.ecsService("default", "web-" + UUID.randomUUID().toString().substring(0, 8));
        pool.withTransaction(tx -> targets.insert(tx, "acme", new ScalableTarget(id, new CapacityRange(min, max),
                SuspendedState.NONE), count)).await().indefinitely();
        return id.resourceId().toString();
    }

    static Map<String, Object> targetTracking(String resourceId, String name, double targetValue, Boolean disableScaleIn) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("TargetValue", targetValue);
        config.put("PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"));
        if (disableScaleIn != null) {
            config.put("DisableScaleIn", disableScaleIn);
        }
        return policy(resourceId, name, "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration", config);
    }

    static Map<String, Object> step(String resourceId, String name, List<Map<String, Object>> steps, Integer cooldown) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("AdjustmentType", "ChangeInCapacity");
        config.put("StepAdjustments", steps);
        if (cooldown != null) {
            config.put("Cooldown", cooldown);
        }
        return policy(resourceId, name, "StepScaling", "StepScalingPolicyConfiguration", config);
    }

    private static Map<String, Object> policy(String resourceId, String name, String type, String member, Object config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PolicyName", name);
        body.put("ServiceNamespace", "ecs");
        body.put("ResourceId", resourceId);
        body.put("ScalableDimension", "ecs:service:DesiredCount");
        body.put("PolicyType", type);
        body.put(member, config);
        return body;
    }

    static JsonPath put(Map<String, Object> policy) {
        return as("acme-admin").body(policy).put(POLICIES).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath describePolicies(String user, String resourceId) {
        return as(user).queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId).get(POLICIES)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> alarms(List<String> names) {
        return as("acme-viewer").queryParam("AlarmNames", names).get(ALARMS).then().statusCode(200).extract().jsonPath()
                .getList("MetricAlarms");
    }

    private static void delete(String resourceId, String name, int status) {
        as("acme-admin").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("ScalableDimension", "ecs:service:DesiredCount").queryParam("PolicyName", name)
                .delete(POLICIES).then().statusCode(status);
    }

    @Test
    void targetTrackingCreatesItsTwoAlarmsAndOwnsThem() {
        String resourceId = target(1, 10, 2);
        JsonPath created = put(targetTracking(resourceId, "cpu70", 70, null));
        String arn = created.getString("PolicyARN");
        assertTrue(arn.startsWith("arn:berth:autoscaling::acme:scalingPolicy:"), arn);
        assertTrue(arn.endsWith(":resource/ecs/" + resourceId + ":policyName/cpu70"), arn);
        List<String> names = created.getList("Alarms.AlarmName");
        assertEquals(2, names.size(), created.prettify());
        assertTrue(names.get(0).startsWith("TargetTracking-" + resourceId + "-AlarmHigh-"), names.get(0));
        assertTrue(names.get(1).startsWith("TargetTracking-" + resourceId + "-AlarmLow-"), names.get(1));
        assertEquals("arn:berth:cloudwatch::acme:alarm:" + names.get(0), created.getString("Alarms[0].AlarmARN"));

        List<Map<String, Object>> alarms = alarms(names);
        assertEquals(2, alarms.size());
        Map<String, Object> high = alarms.get(0);
        Map<String, Object> low = alarms.get(1);
        assertEquals(names.get(0), high.get("AlarmName"));
        assertEquals(70.0f, ((Number) high.get("Threshold")).floatValue());
        assertEquals("GreaterThanThreshold", high.get("ComparisonOperator"));
        assertEquals(60, high.get("Period"));
        assertEquals(3, high.get("EvaluationPeriods"));
        assertEquals(63.0f, ((Number) low.get("Threshold")).floatValue(), "0.9 × the target");
        assertEquals("LessThanThreshold", low.get("ComparisonOperator"));
        assertEquals(15, low.get("EvaluationPeriods"));
        for (Map<String, Object> alarm : alarms) {
            assertEquals(List.of(arn), alarm.get("AlarmActions"));
            assertEquals("AWS/ECS", alarm.get("Namespace"));
            assertEquals("CPUUtilization", alarm.get("MetricName"));
            assertEquals("Average", alarm.get("Statistic"));
            assertEquals(List.of(Map.of("Name", "ClusterName", "Value", "default"),
                    Map.of("Name", "ServiceName", "Value", resourceId.substring("service/default/".length()))),
                    alarm.get("Dimensions"));
        }

        JsonPath described = describePolicies("acme-viewer", resourceId);
        assertEquals(1, described.getList("ScalingPolicies").size());
        assertEquals(arn, described.getString("ScalingPolicies[0].PolicyARN"));
        assertEquals("cpu70", described.getString("ScalingPolicies[0].PolicyName"));
        assertEquals("TargetTrackingScaling", described.getString("ScalingPolicies[0].PolicyType"));
        assertEquals(70.0f, described.getFloat("ScalingPolicies[0].TargetTrackingScalingPolicyConfiguration.TargetValue"));
        assertEquals("ECSServiceAverageCPUUtilization", described.getString(
                "ScalingPolicies[0].TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType"));
        assertEquals(names, described.getList("ScalingPolicies[0].Alarms.AlarmName"));
        assertNotNull(described.getString("ScalingPolicies[0].CreationTime"));
        assertTrue(describePolicies("globex-viewer", resourceId).getList("ScalingPolicies").isEmpty(), "tenants apart");

        // users may neither edit nor delete them
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("AlarmName", names.get(0));
        edit.put("Namespace", "AWS/ECS");
        edit.put("MetricName", "CPUUtilization");
        edit.put("Statistic", "Average");
        edit.put("Period", 60);
        edit.put("EvaluationPeriods", 1);
        edit.put("Threshold", 99.0);
        edit.put("ComparisonOperator", "GreaterThanThreshold");
        as("acme-admin").body(edit).post(ALARMS).then().statusCode(400)
                .body("message", containsString("AlarmName"))
                .body("message", containsString("is managed by scaling policy " + arn));
        as("acme-admin").queryParam("AlarmNames", List.of(names.get(1))).delete(ALARMS).then().statusCode(400)
                .body("message", containsString("AlarmNames[0]"))
                .body("message", containsString("is managed by scaling policy " + arn));
        assertEquals(70.0f, ((Number) alarms(names).get(0).get("Threshold")).floatValue(), "the edit changed nothing");
        assertEquals(2, alarms(names).size(), "the deletion deleted nothing");

        // an update replaces them: no low alarm with DisableScaleIn
        JsonPath updated = put(targetTracking(resourceId, "cpu70", 50, true));
        assertEquals(arn, updated.getString("PolicyARN"), "an update keeps the ARN");
        List<String> newNames = updated.getList("Alarms.AlarmName");
        assertEquals(1, newNames.size(), updated.prettify());
        assertNotEquals(names.get(0), newNames.get(0));
        assertTrue(alarms(names).isEmpty(), "the old alarms are gone");
        assertEquals(50.0f, ((Number) alarms(newNames).get(0).get("Threshold")).floatValue());

        delete(resourceId, "cpu70", 200);
        assertTrue(alarms(newNames).isEmpty(), "deleted with the policy");
        assertTrue(describePolicies("acme-viewer", resourceId).getList("ScalingPolicies").isEmpty());
        as("acme-admin").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("ScalableDimension", "ecs:service:DesiredCount").queryParam("PolicyName", "cpu70")
                .delete(POLICIES).then().statusCode(404).body("code", equalTo("ObjectNotFoundException"));
    }

    @Test
    void deregisteringTheTargetDeletesItsPoliciesAndTheirAlarms() {
        String resourceId = target(1, 10, 2);
        List<String> names = put(targetTracking(resourceId, "cpu60", 60, null)).getList("Alarms.AlarmName");
        put(step(resourceId, "out", List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 1)), null));
        assertEquals(2, describePolicies("acme-viewer", resourceId).getList("ScalingPolicies").size());
        as("acme-admin").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("ScalableDimension", "ecs:service:DesiredCount").delete("/api/autoscaler/v1/scalable-targets")
                .then().statusCode(200);
        assertTrue(alarms(names).isEmpty(), "the synthesized alarms went with the target");
        assertTrue(describePolicies("acme-viewer", resourceId).getList("ScalingPolicies").isEmpty());
    }

    @Test
    void stepPoliciesShowTheAlarmsActingOnThemAndStayWithinTheLimit() {
        String resourceId = target(1, 10, 2);
        String arn = put(step(resourceId, "out", List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 1)), 60))
                .getString("PolicyARN");
        String alarm = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("AlarmName", alarm, "Namespace", "Test/Policies", "MetricName", "Busy",
                        "Statistic", "Average", "Period", 60, "EvaluationPeriods", 1, "Threshold", 1.0,
                        "ComparisonOperator", "GreaterThanThreshold", "AlarmActions", List.of(arn)))
                .post(ALARMS).then().statusCode(204);
        JsonPath described = describePolicies("acme-viewer", resourceId);
        assertEquals("StepScaling", described.getString("ScalingPolicies[0].PolicyType"));
        assertEquals("ChangeInCapacity", described.getString("ScalingPolicies[0].StepScalingPolicyConfiguration.AdjustmentType"));
        assertEquals(60, described.getInt("ScalingPolicies[0].StepScalingPolicyConfiguration.Cooldown"));
        assertEquals(1, described.getInt("ScalingPolicies[0].StepScalingPolicyConfiguration.StepAdjustments[0].ScalingAdjustment"));
        assertEquals(List.of(alarm), described.getList("ScalingPolicies[0].Alarms.AlarmName"));
        as("acme-admin").queryParam("AlarmNames", List.of(alarm)).delete(ALARMS).then().statusCode(204);

        IntStream.range(1, 50).forEach(i -> put(step(resourceId, "p" + i,
                List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 1)), null)));
        as("acme-admin").body(step(resourceId, "p50", List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 1)), null))
                .put(POLICIES).then().statusCode(400).body("code", equalTo("LimitExceededException"));
        put(step(resourceId, "p1", List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 2)), null));
        JsonPath page = as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("MaxResults", 20).get(POLICIES).then().statusCode(200).extract().jsonPath();
        assertEquals(20, page.getList("ScalingPolicies").size());
        JsonPath named = as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("PolicyNames", List.of("p1", "p2")).get(POLICIES).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("p1", "p2"), named.getList("ScalingPolicies.PolicyName"));
        JsonPath next = as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("MaxResults", 20).queryParam("NextToken", page.getString("NextToken")).get(POLICIES)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(20, next.getList("ScalingPolicies").size());
        assertTrue(java.util.Collections.disjoint(page.getList("ScalingPolicies.PolicyName"),
                next.getList("ScalingPolicies.PolicyName")));
    }

    @Test
    void badInputNamesItsField() {
        String resourceId = target(1, 10, 2);
        Map<String, Object> noName = targetTracking(resourceId, "x", 50, null);
        noName.remove("PolicyName");
        expect400(noName, "PolicyName");
        Map<String, Object> badType = targetTracking(resourceId, "x", 50, null);
        badType.put("PolicyType", "PredictiveScaling");
        expect400(badType, "PolicyType");
        Map<String, Object> noValue = targetTracking(resourceId, "x", 50, null);
        ((Map<String, Object>) noValue.get("TargetTrackingScalingPolicyConfiguration")).remove("TargetValue");
        expect400(noValue, "TargetTrackingScalingPolicyConfiguration.TargetValue");
        Map<String, Object> stepless = step(resourceId, "x", List.of(), null);
        expect400(stepless, "StepScalingPolicyConfiguration.StepAdjustments");
        expect400(step(resourceId, "x", List.of(Map.of("MetricIntervalLowerBound", 0, "MetricIntervalUpperBound", 10,
                "ScalingAdjustment", 1), Map.of("MetricIntervalLowerBound", 20, "ScalingAdjustment", 2)), null),
                "StepScalingPolicyConfiguration.StepAdjustments[1]");
        Map<String, Object> badResource = targetTracking("service/default", "x", 50, null);
        expect400(badResource, "ResourceId");
        as("acme-admin").body(targetTracking("service/default/nobody-" + UUID.randomUUID().toString().substring(0, 8), "x", 50, null))
                .put(POLICIES).then().statusCode(404).body("code", equalTo("ObjectNotFoundException"));
        as("acme-viewer").body(targetTracking(resourceId, "x", 50, null)).put(POLICIES).then().statusCode(403);
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("MaxResults", 51).get(POLICIES).then()
                .statusCode(400).body("message", containsString("MaxResults"));
        as("acme-viewer").queryParam("ServiceNamespace", "ecs")
                .queryParam("PolicyNames", IntStream.range(0, 51).mapToObj(i -> "p" + i).toList()).get(POLICIES).then()
                .statusCode(400).body("message", containsString("PolicyNames"));
        assertTrue(describePolicies("acme-viewer", resourceId).getList("ScalingPolicies").isEmpty(), "nothing half-written");
    }

    @Test
    void theOpenApiDocumentShowsAwsNames() throws Exception {
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        com.fasterxml.jackson.databind.JsonNode path = doc.path("paths").path(POLICIES);
        assertEquals("PutScalingPolicy", path.at("/put/operationId").asText());
        assertEquals("DescribeScalingPolicies", path.at("/get/operationId").asText());
        assertEquals("DeleteScalingPolicy", path.at("/delete/operationId").asText());
        com.fasterxml.jackson.databind.JsonNode schemas = doc.path("components").path("schemas");
        for (String member : List.of("PolicyName", "ServiceNamespace", "ResourceId", "ScalableDimension", "PolicyType",
                "StepScalingPolicyConfiguration", "TargetTrackingScalingPolicyConfiguration")) {
            assertTrue(schemas.path("PutScalingPolicyRequest").path("properties").has(member),
                    member + " in " + schemas.path("PutScalingPolicyRequest"));
        }
        assertTrue(schemas.path("PutScalingPolicyResponse").path("properties").has("PolicyARN"));
        assertTrue(schemas.path("StepAdjustment").path("properties").has("MetricIntervalLowerBound"));
    }

    private static void expect400(Map<String, Object> body, String field) {
        as("acme-admin").body(body).put(POLICIES).then().statusCode(400).body("message", containsString(field + ":"));
    }
}
