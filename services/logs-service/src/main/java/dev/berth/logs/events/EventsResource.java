package dev.berth.logs.events;

import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.ReservedGroups;
import dev.berth.logs.groups.StoredBytes;
import dev.berth.logs.ingest.LogBatchPublisher;
import dev.berth.logs.requests.CallerLogs;
import dev.berth.logs.requests.LimitExceededException;
import dev.berth.logs.requests.Limits;
import dev.berth.logs.LogsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CloudWatch Logs' GetLogEvents and PutLogEvents for one stream. Events sent here travel
 * through berth.logs like those of host agents, so they are stored, tailed and counted the
 * same way; they are readable once ingested (well under a second on a quiet platform).
 */
@Path("/api/logs/v1/log-groups/{group}/streams/{stream}/events")
@Tag(name = "Log events")
public class EventsResource {

    public static final int MAX_LIMIT = 10_000;

    public record PutLogEventsRequest(
            @Schema(required = true, description = "1 to 10,000 events, at most 1 MiB in all, spanning at most 24 hours")
            List<InputEvent> logEvents,
            @Schema(description = "Accepted and ignored, as CloudWatch does now") String sequenceToken) {
    }

    @Inject
    CallerLogs logs;

    @Inject
    EventStore events;

    @Inject
    LogBatchPublisher publisher;

    @Inject
    LogAccess access;

    @Inject
    LogsConfig limits;

    @Inject
    StoredBytes storedBytes;

    @GET
    @Operation(operationId = "GetLogEvents", summary = "Read a stream's events in time order, a page at a time")
    public Uni<GetLogEventsResponse> get(@PathParam("group") String group, @PathParam("stream") String stream,
                                        @QueryParam("startTime") Long startTime, @QueryParam("endTime") Long endTime,
                                        @QueryParam("limit") Integer limit,
                                        @QueryParam("startFromHead") @DefaultValue("false") boolean startFromHead,
                                        @QueryParam("nextToken") String nextToken) {
        access.requireRead(group);
        int max = Limits.of(limit, MAX_LIMIT, MAX_LIMIT);
        EventTokens token = nextToken == null || nextToken.isEmpty() ? null : EventTokens.decode(nextToken);
        boolean forward = token == null ? startFromHead : token.forward();
        Position bound = token != null ? token.position() : forward ? Position.START : Position.END;
        return logs.stream(group, stream).chain(source -> {
            long from = Math.max(startTime == null ? 0 : startTime, source.group().visibleFrom(System.currentTimeMillis()));
            long to = endTime == null ? Long.MAX_VALUE : endTime;
            // the row bound starts at the window's edge, so the index scan does too
            Position start = forward ? bound.atLeast(new Position(from, Long.MIN_VALUE))
                    : bound.atMost(new Position(to, Long.MIN_VALUE));
            return events.stream(source.stream().id(), from, to, start, forward, max);
        }).map(found -> page(found, forward, bound));
    }

    private static GetLogEventsResponse page(List<StoredEvent> found, boolean forward, Position bound) {
        // found is in reading order, so the events cut off are those the next token reads next
        List<StoredEvent> ordered = new ArrayList<>(PageSize.fitting(found));
        if (!forward) {
            Collections.reverse(ordered);
        }
        List<GetLogEventsResponse.OutputEvent> events = ordered.stream()
                .map(e -> new GetLogEventsResponse.OutputEvent(e.timestamp(), e.message(), e.ingestedAt())).toList();
        if (ordered.isEmpty()) {
            Position after = forward ? bound
                    : bound.equals(Position.END) ? Position.START : new Position(bound.timestamp(), bound.seq() - 1);
            return new GetLogEventsResponse(events, EventTokens.forwardFrom(after).encode(),
                    EventTokens.backwardFrom(forward ? new Position(bound.timestamp(), bound.seq() + 1) : bound)
                            .encode());
        }
        return new GetLogEventsResponse(events,
                EventTokens.forwardFrom(ordered.get(ordered.size() - 1).position()).encode(),
                EventTokens.backwardFrom(ordered.get(0).position()).encode());
    }

    /**
     * PutLogEvents: the whole batch is checked first (count, size, time window against the
     * group's retention, 24-hour span) and either sent whole or not at all.
     */
    @POST
    @Operation(operationId = "PutLogEvents", summary = "Send a batch of events to a stream, all or nothing")
    public Uni<PutLogEventsResponse> put(@PathParam("group") String group, @PathParam("stream") String stream,
                                        PutLogEventsRequest request) {
        access.requireWrite(group);
        ReservedGroups.refuse(group);
        List<InputEvent> input = request == null ? null : request.logEvents();
        PutLogEventsLimits.check(input);
        String tenant = access.tenant();
        return logs.stream(group, stream).map(CallerLogs.GroupStream::group).chain(g -> {
            long now = System.currentTimeMillis();
            EventTimeWindow.Rejected rejected = EventTimeWindow.check(input, now, g.visibleFrom(now));
            if (rejected.any()) {
                throw new RejectedEventsException(rejected);
            }
            PutLogEventsLimits.checkSpan(input);
            return storedBytes.of(List.of(tenant)).chain(stored -> {
                long batch = input.stream().mapToLong(e -> PutLogEventsLimits.eventBytes(e.message())).sum();
                if (stored.get(tenant) + batch > limits.tenantQuotaBytes()) {
                    throw new LimitExceededException("logEvents", "the tenant's log storage quota "
                            + "(berth.logs.tenant-quota-bytes) is " + limits.tenantQuotaBytes() + " bytes; "
                            + stored.get(tenant) + " are stored and this batch is " + batch + "; nothing was stored");
                }
                return publisher.publish(tenant, group, stream, sorted(input));
            });
        }).map(PutLogEventsResponse::new);
    }

    /** CloudWatch wants batches in time order; Berth sorts them instead of refusing (stable for equal times). */
    private static List<InputEvent> sorted(List<InputEvent> input) {
        List<InputEvent> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(InputEvent::timestamp));
        return sorted;
    }
}
