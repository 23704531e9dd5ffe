package dev.berth.registry.openapi;

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
 * The registry's OpenAPI document describes every management operation of the registry: its ECR
 * name, the schema of its answer and of its body, so that the gateway's merged document has them
 * all. (The platform's own {@code /api/{service}/v1/caller} belongs to platform-common.)
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class OpenApiCompletenessIT {

    @Test
    void everyApiOperationHasAnIdAndSchemas() throws Exception {
        OpenApiCompleteness api = OpenApiCompleteness.ofService("/api/registry/");
        assertEquals(List.of(), api.problems());
        assertTrue(api.operationIds().containsAll(Set.of("CreateRepository", "DescribeRepositories", "DescribeRepository",
                "PutImageTagMutability", "DeleteRepository", "DescribeImages", "BatchGetImage", "BatchDeleteImage",
                "PutLifecyclePolicy", "GetLifecyclePolicy", "DeleteLifecyclePolicy", "StartLifecyclePolicyPreview",
                "GetLifecyclePolicyPreview", "RunLifecyclePolicy", "SetRepositoryPolicy", "GetRepositoryPolicy",
                "DeleteRepositoryPolicy", "GetStorageQuota", "RunGarbageCollection")), api.operationIds()::toString);
    }
}
