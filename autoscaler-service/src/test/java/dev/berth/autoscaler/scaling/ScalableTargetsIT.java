package dev.berth.autoscaler.scaling;

import static dev.berth.autoscaler.scaling.AutoscalerTestClient.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget on real PostgreSQL: bad input
 * named by field, tenants kept apart, a deregistered target taking its scheduled actions with it.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ScalableTargetsIT {

    private static final String PATH = "/api/autoscaler/v1/scalable-targets";

    @Inject
    Pool pool;

    @Inject
    ScalableTargetStore targets;

    /** A target as RegisterScalableTarget leaves it once the scheduler said the service runs {@code count} tasks. */
    static String registered(Pool pool, ScalableTargetStore targets, String tenant, int min, int max, int count,
            boolean scheduledSuspended) {
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        ScalableTargetId id = ScalableTargetId.ecsService("default", service);
        pool.withTransaction(tx -> targets.insert(tx, tenant, new ScalableTarget(id, new CapacityRange(min, max),
                new SuspendedState(false, false, scheduledSuspended)), count)).await().indefinitely();
        return id.resourceId().toString();
    }

    @Test
    void registerNamesTheFieldThatIsWrong() {
        as("acme-admin").body(Map.of("ServiceNamespace", "dynamodb", "ResourceId", "service/default/web",
                        "ScalableDimension", "ecs:service:DesiredCount", "MinCapacity", 1, "MaxCapacity", 2))
                .post(PATH).then().statusCode(400).body("code", equalTo("ValidationException"))
                .body("message", containsString("ServiceNamespace"));
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", "service/default/web/extra",
                        "ScalableDimension", "ecs:service:DesiredCount", "MinCapacity", 1, "MaxCapacity", 2))
                .post(PATH).then().statusCode(400).body("message", containsString("ResourceId"));
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", "service/default/web",
                        "ScalableDimension", "ecs:service:CPU", "MinCapacity", 1, "MaxCapacity", 2))
                .post(PATH).then().statusCode(400).body("message", containsString("ScalableDimension"));
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", "service/default/web",
                        "ScalableDimension", "ecs:service:DesiredCount", "MinCapacity", 3, "MaxCapacity", 2))
                .post(PATH).then().statusCode(400).body("message", containsString("MinCapacity"));
        as("acme-viewer").body(Map.of("ServiceNamespace", "ecs", "ResourceId", "service/default/web",
                        "ScalableDimension", "ecs:service:DesiredCount", "MinCapacity", 1, "MaxCapacity", 2))
                .post(PATH).then().statusCode(403);
    }

    @Test
    void describeChecksItsFiltersAndPages() {
        as("acme-viewer").get(PATH).then().statusCode(400).body("message", containsString("ServiceNamespace"));
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("MaxResults", 51).get(PATH)
                .then().statusCode(400).body("message", containsString("MaxResults"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("service/default/web" + i);
        }
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", many).get(PATH)
                .then().statusCode(400).body("message", containsString("ResourceIds"));
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", "service/default", "x")
                .get(PATH).then().statusCode(400).body("message", containsString("ResourceIds[0]"));
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("NextToken", "%%%").get(PATH)
                .then().statusCode(400).body("message", containsString("NextToken"));

        String first = registered(pool, targets, "acme", 1, 4, 2, false);
        String second = registered(pool, targets, "acme", 1, 4, 2, false);
        String page = as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", first, second)
                .queryParam("MaxResults", 1).get(PATH).then().statusCode(200)
                .body("ScalableTargets", hasSize(1)).extract().path("NextToken");
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", first, second)
                .queryParam("MaxResults", 1).queryParam("NextToken", page).get(PATH).then().statusCode(200)
                .body("ScalableTargets", hasSize(1)).body("NextToken", nullValue());
    }

    @Test
    void anotherTenantNeitherSeesNorDeregistersATarget() {
        String resourceId = registered(pool, targets, "acme", 2, 6, 3, false);
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", resourceId).get(PATH)
                .then().statusCode(200).body("ScalableTargets", hasSize(1))
                .body("ScalableTargets[0].ResourceId", equalTo(resourceId))
                .body("ScalableTargets[0].MinCapacity", equalTo(2)).body("ScalableTargets[0].MaxCapacity", equalTo(6))
                .body("ScalableTargets[0].ScalableDimension", equalTo("ecs:service:DesiredCount"))
                .body("ScalableTargets[0].SuspendedState.ScheduledScalingSuspended", equalTo(false));
        as("globex-admin").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", resourceId).get(PATH)
                .then().statusCode(200).body("ScalableTargets", hasSize(0));
        deregister("globex-admin", resourceId).then().statusCode(404).body("code", equalTo("ObjectNotFoundException"));
        deregister("acme-viewer", resourceId).then().statusCode(403);
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", resourceId).get(PATH)
                .then().statusCode(200).body("ScalableTargets", hasSize(1));
    }

    @Test
    void deregisteringDeletesTheTargetsScheduledActions() {
        String resourceId = registered(pool, targets, "acme", 1, 3, 1, false);
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId,
                        "ScalableDimension", "ecs:service:DesiredCount", "ScheduledActionName", "nightly",
                        "Schedule", "cron(0 22 * * ? *)", "ScalableTargetAction", Map.of("MinCapacity", 0, "MaxCapacity", 1)))
                .put("/api/autoscaler/v1/scheduled-actions").then().statusCode(200);
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .get("/api/autoscaler/v1/scheduled-actions").then().statusCode(200)
                .body("ScheduledActions", hasSize(1)).body("ScheduledActions[0].Schedule", equalTo("cron(0 22 * * ? *)"));
        deregister("acme-admin", resourceId).then().statusCode(200);
        deregister("acme-admin", resourceId).then().statusCode(404);
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .get("/api/autoscaler/v1/scheduled-actions").then().statusCode(200).body("ScheduledActions", hasSize(0));
    }

    @Test
    void aServiceTheSchedulerCannotConfirmIsNotRegistered() {
        // in tests the scheduler's API answers nothing (a closed port): nothing is written
        String service = "web-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", "service/default/" + service,
                        "ScalableDimension", "ecs:service:DesiredCount", "MinCapacity", 1, "MaxCapacity", 2))
                .post(PATH).then().statusCode(503);
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", "service/default/" + service)
                .get(PATH).then().statusCode(200).body("ScalableTargets", hasSize(0));
    }

    private static io.restassured.response.Response deregister(String user, String resourceId) {
        return as(user).queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("ScalableDimension", "ecs:service:DesiredCount").delete(PATH);
    }
}
