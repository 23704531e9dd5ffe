package dev.berth.autoscaler.policies;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Application Auto Scaling's PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy. */
@Path("/api/autoscaler/v1/scaling-policies")
@Tag(name = "Scaling policies")
public class ScalingPoliciesResource {

    @Inject
    CurrentPrincipal caller;

    @Inject
    ScalingPoliciesService policies;

    @PUT
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutScalingPolicy", summary = "Create or update a scaling policy of a scalable target; "
            + "target tracking answers the two alarms it created")
    public Uni<PolicyMessages.PutScalingPolicyResponse> put(PolicyMessages.PutScalingPolicyRequest request) {
        return policies.put(caller.tenant(), request);
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeScalingPolicies", summary = "List a tenant's scaling policies of a namespace")
    public Uni<PolicyMessages.DescribeScalingPoliciesResponse> describe(
            @QueryParam("ServiceNamespace") @Parameter(required = true, example = "ecs") String serviceNamespace,
            @QueryParam("PolicyNames") @Parameter(description = "Up to 50") List<String> policyNames,
            @QueryParam("ResourceId") @Parameter(example = "service/default/web") String resourceId,
            @QueryParam("ScalableDimension") @Parameter(example = "ecs:service:DesiredCount") String scalableDimension,
            @QueryParam("MaxResults") @Parameter(description = "1 to 50, default 50") Integer maxResults,
            @QueryParam("NextToken") String nextToken) {
        return policies.describe(caller.tenant(), serviceNamespace, policyNames, resourceId, scalableDimension, maxResults,
                nextToken);
    }

    @DELETE
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteScalingPolicy", summary = "Delete a scaling policy and the alarms it created")
    public Uni<PolicyMessages.DeleteScalingPolicyResponse> delete(
            @QueryParam("ServiceNamespace") @Parameter(required = true, example = "ecs") String serviceNamespace,
            @QueryParam("PolicyName") @Parameter(required = true) String policyName,
            @QueryParam("ResourceId") @Parameter(required = true, example = "service/default/web") String resourceId,
            @QueryParam("ScalableDimension") @Parameter(required = true, example = "ecs:service:DesiredCount")
            String scalableDimension) {
        return policies.delete(caller.tenant(), serviceNamespace, policyName, resourceId, scalableDimension)
                .replaceWith(new PolicyMessages.DeleteScalingPolicyResponse());
    }
}
