package dev.berth.logs.streams;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroupStore;
import dev.berth.logs.groups.LogNames;
import dev.berth.logs.groups.ReservedGroups;
import dev.berth.logs.requests.Limits;
import dev.berth.logs.requests.Page;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CloudWatch Logs' CreateLogStream, DescribeLogStreams and DeleteLogStream. Streams are also
 * created by the first event sent to them through berth.logs.
 */
@Path("/api/logs/v1/log-groups/{group}/streams")
@Tag(name = "Log streams")
public class LogStreamsResource {

    public record CreateLogStreamRequest(
            @Schema(required = true, description = "1 to 512 characters without ':' or '*'", examples = "web/0f3c2a")
            String logStreamName) {
    }

    @Inject
    LogGroupStore groups;

    @Inject
    LogStreamStore streams;

    @Inject
    LogAccess access;

    @POST
    @Operation(operationId = "CreateLogStream", summary = "Create a stream in a log group")
    public Uni<LogStreamResponse> create(@PathParam("group") String group, CreateLogStreamRequest request) {
        access.requireWrite(group);
        ReservedGroups.refuse(group);
        String name = LogNames.stream("logStreamName", request == null ? null : request.logStreamName());
        String tenant = access.tenant();
        return groups.require(tenant, group)
                .chain(g -> streams.create(tenant, g.id(), name))
                .map(s -> new LogStreamResponse(LogStreamView.of(tenant, group, s)));
    }

    @GET
    @Operation(operationId = "DescribeLogStreams", summary = "List a group's streams by name or by last event time")
    public Uni<DescribeLogStreamsResponse> list(@PathParam("group") String group,
                                         @QueryParam("logStreamNamePrefix") String prefix,
                                         @Parameter(schema = @Schema(type = SchemaType.STRING,
                                                 enumeration = {"LogStreamName", "LastEventTime"}))
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
                .map(found -> Page.of(found, max, s -> LogStreamView.of(tenant, group, s),
                        s -> order == LogStreamStore.Order.LogStreamName ? s.name()
                                : (s.lastEventAt() == null ? 0 : s.lastEventAt()) + "/" + s.id()))
                .map(page -> new DescribeLogStreamsResponse(page.items(), page.nextToken()));
    }

    @DELETE
    @Path("{stream}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteLogStream", summary = "Delete a stream of a log group")
    @APIResponse(responseCode = "204", description = "Deleted; its events are removed in the background")
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
