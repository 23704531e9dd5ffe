package dev.berth.logs.tail;

import dev.berth.common.error.InvalidInputException;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroupStore;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live tail (CloudWatch's StartLiveTail) as Server-Sent Events: a {@code sessionStart} event once
 * the tail is reading, then a {@code log} event (JSON) for every new event of the group, or of
 * some streams, that matches the filter pattern; a {@code sessionEnd} event and the end of the stream when
 * the access token the tail was opened with expires.
 * {@code curl -N} it, or read it with any EventSource client.
 */
@Path("/api/logs/v1/log-groups/{group}/tail")
@Tag(name = "Live tail")
public class TailResource {

    @Inject
    LogGroupStore groups;

    @Inject
    TailFeed feed;

    @Inject
    LogAccess access;

    @Inject
    SecurityIdentity identity;

    @Context
    Sse sse;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // the element type, not each event's media type: the latter adds a "content-type:" line, no SSE field
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "StartLiveTail", summary = "Stream the group's new events as Server-Sent Events",
            description = "Events named sessionStart (once), log (one per matching event) and sessionEnd (when the "
                    + "access token expires); each data field is one JSON object.")
    @APIResponse(responseCode = "200", description = "A text/event-stream; each event's data is one of the schemas",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    oneOf = {TailUpdate.SessionStart.class, TailEvent.class, TailUpdate.SessionEnd.class})))
    public Multi<OutboundSseEvent> tail(@PathParam("group") String group,
                                 @QueryParam("logStreamNames") List<String> logStreamNames,
                                 @QueryParam("logStreamNamePrefix") String logStreamNamePrefix,
                                 @Parameter(description = "CloudWatch Logs filter pattern syntax",
                                         example = "ERROR -healthcheck")
                                 @QueryParam("filterPattern") String filterPattern) {
        access.requireRead(group);
        List<String> names = logStreamNames == null ? List.of() : List.copyOf(logStreamNames);
        if (!names.isEmpty() && logStreamNamePrefix != null) {
            throw new InvalidInputException("logStreamNamePrefix", "cannot be used together with logStreamNames");
        }
        FilterPattern pattern = FilterPattern.parse(filterPattern);
        String tenant = access.tenant();
        // resolved before the stream starts, so an unknown group is a plain 404 rather than a broken stream
        groups.require(tenant, group).await().atMost(Duration.ofSeconds(10));
        return feed.subscribe(tenant, group, names, logStreamNamePrefix, pattern, expiry())
                .map(update -> sse.newEventBuilder()
                        .name(switch (update) {
                            case TailEvent e -> "log";
                            case TailUpdate.SessionStart s -> "sessionStart";
                            case TailUpdate.SessionEnd e -> "sessionEnd";
                        })
                        .data(update)
                        .build());
    }

    private TokenExpiry expiry() {
        return TokenExpiry.ofExp(identity.getPrincipal() instanceof JsonWebToken token ? token.getExpirationTime() : 0);
    }
}
