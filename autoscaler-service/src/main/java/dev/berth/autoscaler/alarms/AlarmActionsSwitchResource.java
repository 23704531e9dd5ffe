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

/**
 * EnableAlarmActions and DisableAlarmActions at {@code POST alarms:enable-actions} and
 * {@code POST alarms:disable-actions}; unknown alarm names are passed over, as CloudWatch does.
 */
public final class AlarmActionsSwitchResource {

    private AlarmActionsSwitchResource() {
    }

    @Path("/api/autoscaler/v1/{enableActions: alarms(?::|%3[Aa])enable-actions}")
    @Tag(name = "Alarms")
    public static class Enable {

        @Inject
        AlarmsService service;

        @Inject
        CurrentPrincipal principal;

        @POST
        @Requires(Action.DEPLOY)
        @Operation(operationId = "EnableAlarmActions", summary = "Let up to 100 alarms run their actions")
        @APIResponse(responseCode = "204", description = "Enabled")
        public Uni<Void> enable(AlarmMessages.AlarmNamesRequest request) {
            return service.setActionsEnabled(principal.tenant(), request == null ? null : request.alarmNames(), true);
        }
    }

    @Path("/api/autoscaler/v1/{disableActions: alarms(?::|%3[Aa])disable-actions}")
    @Tag(name = "Alarms")
    public static class Disable {

        @Inject
        AlarmsService service;

        @Inject
        CurrentPrincipal principal;

        @POST
        @Requires(Action.DEPLOY)
        @Operation(operationId = "DisableAlarmActions", summary = "Stop up to 100 alarms from running their actions")
        @APIResponse(responseCode = "204", description = "Disabled")
        public Uni<Void> disable(AlarmMessages.AlarmNamesRequest request) {
            return service.setActionsEnabled(principal.tenant(), request == null ? null : request.alarmNames(), false);
        }
    }
}
