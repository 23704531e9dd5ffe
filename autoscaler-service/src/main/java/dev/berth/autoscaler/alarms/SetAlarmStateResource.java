package dev.berth.autoscaler.alarms;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SetAlarmState at {@code POST alarms:set-state} ({@link AlarmActionPathsFilter} gives the document its literal path). */
@Path("/api/autoscaler/v1/{setState: alarms(?::|%3[Aa])set-state}")
@Tag(name = "Alarms")
public class SetAlarmStateResource {

    @Inject
    AlarmsService service;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "SetAlarmState", summary = "Set an alarm's state until its next evaluation; the state's "
            + "actions run on a change")
    @APIResponse(responseCode = "204", description = "Set")
    public Uni<Void> setAlarmState(AlarmMessages.SetAlarmStateRequest request) {
        return service.setAlarmState(principal.tenant(), request);
    }
}
