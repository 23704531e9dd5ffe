package dev.berth.logs.tail;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.filter.InvalidFilterPatternException;
import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroupStore;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live tail (CloudWatch's StartLiveTail) as Server-Sent Events: every new event of the group,
 * or of some streams, that matches the filter pattern, one {@code data:} line of JSON each.
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

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Requires(Action.READ)
    public Multi<TailEvent> tail(@PathParam("group") String group,
                                 @QueryParam("logStreamNames") List<String> logStreamNames,
                                 @QueryParam("logStreamNamePrefix") String logStreamNamePrefix,
                                 @QueryParam("filterPattern") String filterPattern) {
        access.requireRead(group);
        List<String> names = logStreamNames == null ? List.of() : List.copyOf(logStreamNames);
        if (!names.isEmpty() && logStreamNamePrefix != null) {
            throw ApiException.invalidParameter("logStreamNamePrefix: cannot be used together with logStreamNames");
        }
        FilterPattern pattern;
        try {
            pattern = FilterPattern.parse(filterPattern);
        } catch (InvalidFilterPatternException e) {
            throw ApiException.invalidParameter("filterPattern: " + e.getMessage());
        }
        String tenant = access.tenant();
        return groups.require(tenant, group).onItem()
                .transformToMulti(g -> feed.subscribe(tenant, group, names, logStreamNamePrefix, pattern));
    }
}
