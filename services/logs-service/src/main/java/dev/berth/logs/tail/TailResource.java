package dev.berth.logs.tail;

import dev.berth.common.error.ApiException;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroupStore;
import dev.berth.logs.requests.FilterPatterns;
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

/**
 * Live tail (CloudWatch's StartLiveTail) as Server-Sent Events: a {@code sessionStart} event once
 * the tail is reading, then a {@code log} event (JSON) for every new event of the group, or of
 * some streams, that matches the filter pattern.
 * {@code curl -N} it, or read it with any EventSource client.
 */
@Path("/api/logs/v1/log-groups/{group}/tail")
public class TailResource {

    @Inject
    LogGroupStore groups;

    @Inject
    TailFeed feed;

    @Inject
    LogAccess access;

    @Context
    Sse sse;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> tail(@PathParam("group") String group,
                                 @QueryParam("logStreamNames") List<String> logStreamNames,
                                 @QueryParam("logStreamNamePrefix") String logStreamNamePrefix,
                                 @QueryParam("filterPattern") String filterPattern) {
        access.requireRead(group);
        List<String> names = logStreamNames == null ? List.of() : List.copyOf(logStreamNames);
        if (!names.isEmpty() && logStreamNamePrefix != null) {
            throw ApiException.invalidParameter("logStreamNamePrefix: cannot be used together with logStreamNames");
        }
        FilterPattern pattern = FilterPatterns.parse(filterPattern);
        String tenant = access.tenant();
        // resolved before the stream starts, so an unknown group is a plain 404 rather than a broken stream
        groups.require(tenant, group).await().atMost(Duration.ofSeconds(10));
        return feed.subscribe(tenant, group, names, logStreamNamePrefix, pattern)
                .map(update -> sse.newEventBuilder()
                        .name(update instanceof TailEvent ? "log" : "sessionStart")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(update)
                        .build());
    }
}
