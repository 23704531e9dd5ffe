package dev.berth.registry.repositories;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Put/Get/DeleteLifecyclePolicy's answer; {@code lastEvaluatedAt} once the policy has run. */
public record LifecyclePolicyResponse(String registryId, String repositoryName, String lifecyclePolicyText,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastEvaluatedAt) {
}
