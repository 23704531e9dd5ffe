package dev.berth.registry.repositories;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SetRepositoryPolicy's body: the policy JSON as a string, as ECR takes it. */
public record SetRepositoryPolicyRequest(
        @Schema(description = "The policy document as a JSON string (at most 10240 characters)", required = true,
                examples = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":[\"arn:berth:iam::globex:root\"]},\"Action\":[\"ecr:BatchGetImage\"]}]}")
        String policyText) {
}
