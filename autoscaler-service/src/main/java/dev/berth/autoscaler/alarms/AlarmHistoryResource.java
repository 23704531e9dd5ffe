package dev.berth.autoscaler.alarms;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch's DescribeAlarmHistory for the caller's tenant: two weeks of items, deleted alarms' too. */
@Path("/api/autoscaler/v1/alarm-history")
@Tag(name = "Alarms")
public class AlarmHistoryResource {

    @Inject
    AlarmsService service;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeAlarmHistory", summary = "Configuration updates, state updates and actions of alarms")
    public Uni<AlarmMessages.DescribeAlarmHistoryResponse> describeAlarmHistory(
            @QueryParam("AlarmName") String alarmName,
            @QueryParam("HistoryItemType") @Parameter(description = "ConfigurationUpdate, StateUpdate or Action")
            String historyItemType,
            @QueryParam("StartDate") @Parameter(description = "ISO 8601, inclusive") String startDate,
            @QueryParam("EndDate") @Parameter(description = "ISO 8601, inclusive") String endDate,
            @QueryParam("ScanBy") @Parameter(description = "TimestampDescending (default) or TimestampAscending")
            String scanBy,
            @QueryParam("MaxRecords") @Parameter(description = "1 to 100, default 100") Integer maxRecords,
            @QueryParam("NextToken") String nextToken) {
        return service.describeAlarmHistory(principal.tenant(), alarmName, historyItemType, startDate, endDate, scanBy,
                maxRecords, nextToken);
    }
}
