package dev.berth.registry.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.quota.QuotaUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer records write the JSON the Map answers wrote: absent fields left out only where they were. */
class WireShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    @Test
    void pagesLeaveOutNextTokenOnTheLastPage() throws Exception {
        assertEquals("{\"repositories\":[]}", json(new DescribeRepositoriesResponse(List.of(), null)));
        assertEquals("{\"imageDetails\":[],\"nextToken\":\"abc\"}", json(new DescribeImagesResponse(List.of(), "abc")));
    }

    @Test
    void lifecyclePolicyLeavesOutLastEvaluatedAtUntilItHasRun() throws Exception {
        assertEquals("{\"registryId\":\"acme\",\"repositoryName\":\"web\",\"lifecyclePolicyText\":\"{}\"}",
                json(new LifecyclePolicyResponse("acme", "web", "{}", null)));
    }

    @Test
    void quotaWritesANullLimitWhenThereIsNone() throws Exception {
        assertEquals("{\"registryId\":\"acme\",\"usedBytes\":5,\"limitBytes\":null}", json(new QuotaUsage("acme", 5, null)));
    }

    @Test
    void enumsAreWrittenWithEcrNames() throws Exception {
        assertEquals("{\"imageIds\":[],\"failures\":[{\"imageId\":{\"imageTag\":\"x\"},\"failureCode\":\"ImageNotFound\","
                        + "\"failureReason\":\"gone\"}]}",
                json(new BatchDeleteImageResponse(List.of(), List.of(new ImageFailure(new ImageIdentifier(null, "x"),
                        ImageFailureCode.IMAGE_NOT_FOUND, "gone")))));
        assertEquals("{\"type\":\"EXPIRE\"}", json(LifecyclePolicyRuleAction.EXPIRE));
        assertEquals("{\"registryId\":\"acme\",\"repositoryName\":\"web\",\"lifecyclePolicyText\":\"{}\","
                + "\"status\":\"IN_PROGRESS\"}", json(new StartLifecyclePolicyPreviewResponse("acme", "web", "{}",
                LifecyclePolicyPreviewStatus.IN_PROGRESS)));
    }
}
