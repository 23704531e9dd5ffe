package dev.berth.registry.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The registry's OpenAPI document describes every management operation of the registry: its ECR
 * name, the schema of its answer and of its body, so that the gateway's merged document has them
 * all. (The platform's own {@code /api/{service}/v1/caller} belongs to platform-common.)
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class OpenApiCompletenessIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationHasAnIdAndSchemas() {
        Map<String, Object> document = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().as(Map.class);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/registry/")) {
                return;
            }
            item.forEach((method, value) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) value;
                String where = method.toUpperCase() + " " + path;
                if (operation.get("operationId") == null) {
                    problems.add(where + ": no operationId");
                } else {
                    operationIds.add((String) operation.get("operationId"));
                }
                if (operation.get("tags") == null) {
                    problems.add(where + ": no tag");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                responses.forEach((status, response) -> {
                    if (status.startsWith("2") && !status.equals("204") && jsonSchema(response) == null) {
                        problems.add(where + ": no schema for " + status);
                    }
                });
                if (operation.containsKey("requestBody") && jsonSchema(operation.get("requestBody")) == null) {
                    problems.add(where + ": a request body without a schema");
                }
            });
        });
        assertEquals(List.of(), problems);
        assertTrue(operationIds.containsAll(Set.of("CreateRepository", "DescribeRepositories", "DescribeRepository",
                "PutImageTagMutability", "DeleteRepository", "DescribeImages", "BatchGetImage", "BatchDeleteImage",
                "PutLifecyclePolicy", "GetLifecyclePolicy", "DeleteLifecyclePolicy", "StartLifecyclePolicyPreview",
                "GetLifecyclePolicyPreview", "RunLifecyclePolicy", "SetRepositoryPolicy", "GetRepositoryPolicy",
                "DeleteRepositoryPolicy", "GetStorageQuota", "RunGarbageCollection")), operationIds::toString);
    }

    @SuppressWarnings("unchecked")
    private static Object jsonSchema(Object withContent) {
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) withContent).get("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        return ((Map<String, Object>) content.get("application/json")).get("schema");
    }
}
