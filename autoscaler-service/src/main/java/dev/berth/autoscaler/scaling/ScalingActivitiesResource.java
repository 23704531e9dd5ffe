package dev.berth.autoscaler.scaling;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.berth.autoscaler.scaling.ScalingActivityStore.ActivityPosition;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Application Auto Scaling's DescribeScalingActivities: six weeks of them, newest first. */
@Path("/api/autoscaler/v1/scaling-activities")
@Tag(name = "Scaling activities")
public class ScalingActivitiesResource {

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record NotScaledReasonView(String code, Integer maxCapacity, Integer minCapacity, Integer currentCapacity) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record ScalingActivityView(String activityId, String serviceNamespace, String resourceId,
            String scalableDimension, String description, String cause, Instant startTime, Instant endTime,
            @Schema(enumeration = {"Pending", "InProgress", "Successful", "Overridden", "Unfulfilled", "Failed"})
            String statusCode, String statusMessage, List<NotScaledReasonView> notScaledReasons) {

        static ScalingActivityView of(ScalingActivity a) {
            List<NotScaledReasonView> reasons = a.notScaledReasons().isEmpty() ? null : a.notScaledReasons().stream()
                    .map(r -> new NotScaledReasonView(r.code().awsName(), r.maxCapacity(), r.minCapacity(), r.currentCapacity()))
                    .toList();
            return new ScalingActivityView(a.activityId().toString(), a.target().namespace().awsName(),
                    a.target().resourceId().toString(), a.target().dimension().awsName(), a.description(), a.cause(),
                    a.startTime(), a.endTime(), a.statusCode().awsName(), a.statusMessage(), reasons);
        }
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record DescribeScalingActivitiesResponse(List<ScalingActivityView> scalingActivities, String nextToken) {
    }

    @Inject
    CurrentPrincipal caller;

    @Inject
    ScalingActivityStore activities;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeScalingActivities", summary = "List scaling activities, newest first")
    public Uni<DescribeScalingActivitiesResponse> describe(
            @QueryParam("ServiceNamespace") @Parameter(required = true, example = "ecs") String serviceNamespace,
            @QueryParam("ResourceId") String resourceId,
            @QueryParam("ScalableDimension") String scalableDimension,
            @QueryParam("MaxResults") @Parameter(description = "1 to 50, default 50") Integer maxResults,
            @QueryParam("NextToken") String nextToken,
            @QueryParam("IncludeNotScaledActivities") @Parameter(description = "default false")
            Boolean includeNotScaledActivities) {
        ServiceNamespace namespace = ServiceNamespace.parse(serviceNamespace);
        String resource = resourceId == null ? null : EcsServiceResourceId.parse(resourceId).toString();
        ScalableDimension dimension = scalableDimension == null ? null : ScalableDimension.parse(scalableDimension);
        int limit = ScalingPages.limit(maxResults);
        String position = ScalingPages.position(nextToken);
        ActivityPosition after = position == null ? null : ActivityPosition.decode(position)
                .orElseThrow(() -> ValidationErrors.invalid("NextToken", "is not a token this API gave out"));
        return activities.list(caller.tenant(), namespace, resource, dimension, Boolean.TRUE.equals(includeNotScaledActivities),
                        after, limit + 1)
                .map(found -> new DescribeScalingActivitiesResponse(
                        found.stream().limit(limit).map(ScalingActivityView::of).toList(),
                        found.size() > limit ? ScalingPages.token(ActivityPosition.of(found.get(limit - 1)).encode()) : null));
    }
}
