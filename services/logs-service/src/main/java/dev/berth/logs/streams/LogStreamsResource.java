package dev.berth.logs.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroupStore;
import dev.berth.logs.groups.LogGroupView;
import dev.berth.logs.groups.LogNames;
import dev.berth.logs.groups.ReservedGroups;
import dev.berth.logs.requests.Limits;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;

/**
 * CloudWatch Logs' CreateLogStream, DescribeLogStreams and DeleteLogStream. Streams are also
 * created by the first event sent to them through berth.logs.
 */
@Path("/api/logs/v1/log-groups/{group}/streams")
public class LogStreamsResource {

    public record CreateLogStreamRequest(String logStreamName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LogStreamView(String logStreamName, String arn, long creationTime, Long firstEventTimestamp,
                                Long lastEventTimestamp, Long lastIngestionTime) {
        static LogStreamView of(String tenant, String group, LogStream s) {
            return new LogStreamView(s.name(), LogGroupView.arn(tenant, group) + ":log-stream:" + s.name(),
                    s.createdAt().toEpochMilli(), s.firstEventAt(), s.lastEventAt(), s.lastIngestedAt());
        }
    }

    @Inject
    LogGroupStore groups;

    @Inject
    LogStreamStore streams;

    @Inject
    LogAccess access;

    @POST
    public Uni<Map<String, LogStreamView>> create(@PathParam("group") String group, CreateLogStreamRequest request) {
        access.requireWrite(group);
        ReservedGroups.refuse(group);
        String name = LogNames.stream("logStreamName", request == null ? null : request.logStreamName());
        String tenant = access.tenant();
        return groups.require(tenant, group)
                .chain(g -> streams.create(tenant, g.id(), name))
                .map(s -> Map.of("logStream", LogStreamView.of(tenant, group, s)));
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("group") String group,
                                         @QueryParam("logStreamNamePrefix") String prefix,
                                         @QueryParam("orderBy") String orderBy,
                                         @QueryParam("limit") Integer limit,
                                         @QueryParam("nextToken") String nextToken) {
        access.requireRead(group);
        LogStreamStore.Order order = order(orderBy);
        if (order == LogStreamStore.Order.LastEventTime && prefix != null) {
            throw new InvalidInputException("logStreamNamePrefix", "cannot be used with orderBy LastEventTime");
        }
        int max = Limits.of(limit, 50, 50);
        String after = PageTokens.decode(nextToken);
        if (after != null && order == LogStreamStore.Order.LastEventTime && !after.matches("-?\\d+/\\d+")) {
            throw new InvalidInputException("nextToken", "not a token this API gave out");
        }
        String tenant = access.tenant();
        return groups.require(tenant, group)
                .chain(g -> streams.list(g.id(), prefix, order, after, max + 1))
                .map(found -> PageTokens.page("logStreams", found, max, s -> LogStreamView.of(tenant, group, s),
                        s -> order == LogStreamStore.Order.LogStreamName ? s.name()
                                : (s.lastEventAt() == null ? 0 : s.lastEventAt()) + "/" + s.id()));
    }

    @DELETE
    @Path("{stream}")
    @Requires(Action.MANAGE)
    public Uni<Void> delete(@PathParam("group") String group, @PathParam("stream") String stream) {
        access.requireMayChange(group);
        return groups.require(access.tenant(), group)
                .chain(g -> streams.delete(g.id(), stream))
                .map(deleted -> {
                    if (!deleted) {
                        throw LogStream.notFound(stream);
                    }
                    return null;
                });
    }

    private static LogStreamStore.Order order(String orderBy) {
        if (orderBy == null) {
            return LogStreamStore.Order.LogStreamName;
        }
        try {
            return LogStreamStore.Order.valueOf(orderBy);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("orderBy", "LogStreamName or LastEventTime, got " + orderBy);
        }
    }
}
