package dev.berth.autoscaler.alarms;

import static dev.berth.autoscaler.alarms.AlarmsTestClient.ALARMS;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.alarm;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.as;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-tenant alarm limit, lowered to two for the test, on globex's alarms. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@TestProfile(AlarmLimitIT.TwoAlarms.class)
class AlarmLimitIT {

    public static class TwoAlarms implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.autoscaler.alarms.max-alarms-per-tenant", "2");
        }
    }

    @Test
    void aTenantHasAtMostTheLimitAndMayStillUpdate() {
        List<String> leftover = as("globex-viewer").get(ALARMS).then().statusCode(200).extract().jsonPath()
                .getList("MetricAlarms.AlarmName");
        if (!leftover.isEmpty()) {
            as("globex-admin").queryParam("AlarmNames", leftover).delete(ALARMS).then().statusCode(204);
        }
        String first = unique("One");
        String second = unique("Two");
        as("globex-admin").body(alarm(first, "Test/Limit")).post(ALARMS).then().statusCode(204);
        as("globex-admin").body(alarm(second, "Test/Limit")).post(ALARMS).then().statusCode(204);
        as("globex-admin").body(alarm(unique("Three"), "Test/Limit")).post(ALARMS).then().statusCode(400)
                .body("code", equalTo("LimitExceededException")).body("message", containsString("2"));
        Map<String, Object> changed = alarm(first, "Test/Limit");
        changed.put("Threshold", 60.0);
        as("globex-admin").body(changed).post(ALARMS).then().statusCode(204);
        assertEquals(2, as("globex-viewer").get(ALARMS).then().statusCode(200).extract().jsonPath()
                .getList("MetricAlarms").size());
        as("globex-admin").queryParam("AlarmNames", first, second).delete(ALARMS).then().statusCode(204);
    }
}
