package dev.berth.autoscaler.alarms;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch's PutMetricAlarm, DescribeAlarms and DeleteAlarms for the caller's tenant. */
@Path("/api/autoscaler/v1/alarms")
@Tag(name = "Alarms")
public class AlarmsResource {

    @Inject
    AlarmsService service;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutMetricAlarm", summary = "Create an alarm, or replace the configuration of the alarm "
            + "of that name (its state stays); up to 5,000 alarms a tenant")
    @APIResponse(responseCode = "204", description = "Stored")
    public Uni<Void> putMetricAlarm(PutMetricAlarmRequest request) {
        return service.putMetricAlarm(principal.tenant(), request);
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeAlarms", summary = "The tenant's metric alarms in name order")
    public Uni<AlarmMessages.DescribeAlarmsResponse> describeAlarms(
            @QueryParam("AlarmNames") @Parameter(description = "Up to 100; not with AlarmNamePrefix") List<String> alarmNames,
            @QueryParam("AlarmNamePrefix") String alarmNamePrefix,
            @QueryParam("StateValue") @Parameter(description = "OK, ALARM or INSUFFICIENT_DATA") String stateValue,
            @QueryParam("ActionPrefix") @Parameter(description = "Alarms with an action of any state starting so")
            String actionPrefix,
            @QueryParam("MaxRecords") @Parameter(description = "1 to 100, default 50") Integer maxRecords,
            @QueryParam("NextToken") String nextToken) {
        return service.describeAlarms(principal.tenant(), alarmNames, alarmNamePrefix, stateValue, actionPrefix, maxRecords,
                nextToken);
    }

    @DELETE
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteAlarms", summary = "Delete up to 100 alarms: all of them, or none when one does not exist")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> deleteAlarms(
            @QueryParam("AlarmNames") @Parameter(required = true, description = "1 to 100") List<String> alarmNames) {
        return service.deleteAlarms(principal.tenant(), alarmNames);
    }
}
