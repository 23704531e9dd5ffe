package dev.berth.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.OpenApiCompleteness;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the logs API is described well enough for the gateway's merged document: an
 * operationId, a tag, a typed schema for its success body and for the body it takes.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class OpenApiCompletenessIT {

    @Test
    void everyOperationHasAnIdAndTypedSchemas() throws Exception {
        OpenApiCompleteness api = OpenApiCompleteness.ofService("/api/");
        assertTrue(api.operations() >= 20, "expected the logs API's operations, found " + api.operations());
        assertEquals(List.of(), api.problems());
    }
}
