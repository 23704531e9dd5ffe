package dev.berth.scheduler.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.OpenApiCompleteness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's published OpenAPI describes every operation of its API: an operationId (the
 * ECS operation's name), a tag, typed schemas of its success answer and of its JSON body.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class OpenApiCompletenessIT {

    @Test
    void everyOperationHasAnIdAndSchemas() throws Exception {
        OpenApiCompleteness api = OpenApiCompleteness.ofService("/api/scheduler/");
        assertTrue(api.operations() >= 30, "found only " + api.operations() + " operations under /api/scheduler/");
        assertEquals(List.of(), api.problems());
        assertTrue(api.operationIds().containsAll(Set.of("CreateCluster", "RunTask", "CreateService", "UpdateService",
                "RegisterTaskDefinition")), api.operationIds()::toString);
    }
}
