package dev.berth.scheduler.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The scheduler's published OpenAPI describes every operation of its API: an operationId (the
 * ECS operation's name), the schema of its success answer, and the schema of its JSON body.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class OpenApiCompletenessIT {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnIdAndSchemas() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/scheduler/")) {
                continue;
            }
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                Map<String, Object> operation = (Map<String, Object>) path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                Object id = operation.get("operationId");
                if (!(id instanceof String name) || name.isBlank()) {
                    problems.add(where + ": no operationId");
                } else if (!ids.add(name)) {
                    problems.add(where + ": operationId " + name + " is used twice");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
                String success = responses.keySet().stream().filter(s -> s.startsWith("2")).findFirst().orElse(null);
                if (success == null) {
                    problems.add(where + ": no 2xx response");
                } else if (!success.equals("204") && jsonSchema((Map<String, Object>) responses.get(success)) == null) {
                    problems.add(where + ": no schema for its " + success + " answer");
                }
                if ((method.equals("post") || method.equals("put"))
                        && jsonSchema((Map<String, Object>) operation.get("requestBody")) == null) {
                    problems.add(where + ": no schema for its JSON body");
                }
            }
        }
        assertTrue(operations >= 30, "found only " + operations + " operations under /api/scheduler/");
        assertEquals(List.of(), problems);
        assertFalse(ids.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Object jsonSchema(Map<String, Object> holder) {
        if (holder == null || !(holder.get("content") instanceof Map<?, ?> content)) {
            return null;
        }
        Object json = content.get("application/json");
        return json instanceof Map<?, ?> media ? ((Map<String, Object>) media).get("schema") : null;
    }
}
