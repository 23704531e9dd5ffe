package dev.berth.logs.events;

import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import dev.berth.logs.LogsConfig;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.groups.LogAccess;
import dev.berth.logs.groups.LogGroup;
import dev.berth.logs.requests.CallerLogs;
import dev.berth.logs.requests.Limits;
import dev.berth.logs.streams.LogStreamStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CloudWatch Logs' FilterLogEvents: a group's events in time order across its streams (or
 * some of them), matching a filter pattern. Like CloudWatch, one call searches for a bounded
 * time and may return fewer events than the limit, or none, with a nextToken to go on from.
 */
// routes match the raw path: clients that encode every ':' send events%3Afilter
@Path("/api/logs/v1/log-groups/{group}/{filter: events(?::|%3[Aa])filter}")
@Tag(name = "Log events")
public class FilterEventsResource {

    public record FilterLogEventsRequest(
            @Schema(description = "At most 100; not together with logStreamNamePrefix") List<String> logStreamNames,
            @Schema(examples = "web/") String logStreamNamePrefix,
            @Schema(description = "Epoch milliseconds, inclusive") Long startTime,
            @Schema(description = "Epoch milliseconds, inclusive") Long endTime,
            @Schema(description = "CloudWatch Logs filter pattern syntax; absent or empty matches every event",
                    examples = "{ $.level = \"ERROR\" }") String filterPattern,
            @Schema(description = "1 to 10,000", examples = "100") Integer limit,
            String nextToken) {
    }

    private record Search(LogGroup group, List<Long> streamIds, long from, long to, FilterPattern pattern, int limit,
                          long deadline, List<StoredEvent> found, PageSize size) {
    }

    @Inject
    CallerLogs logs;

    @Inject
    LogStreamStore streams;

    @Inject
    EventStore events;

    @Inject
    LogAccess access;

    @Inject
    LogsConfig config;

    @POST
    @Operation(operationId = "FilterLogEvents", summary = "Search a group's events across its streams with a filter pattern")
    public Uni<FilterLogEventsResponse> filter(@PathParam("group") String group, FilterLogEventsRequest body) {
        access.requireRead(group);
        FilterLogEventsRequest request = body == null
                ? new FilterLogEventsRequest(null, null, null, null, null, null, null) : body;
        List<String> names = request.logStreamNames() == null ? List.of() : request.logStreamNames();
        if (!names.isEmpty() && request.logStreamNamePrefix() != null) {
            throw new InvalidInputException("logStreamNamePrefix", "cannot be used together with logStreamNames");
        }
        if (names.size() > 100) {
            throw new InvalidInputException("logStreamNames", "at most 100");
        }
        int limit = Limits.of(request.limit(), EventsResource.MAX_LIMIT, EventsResource.MAX_LIMIT);
        FilterPattern pattern = FilterPattern.parse(request.filterPattern());
        Position after = request.nextToken() == null || request.nextToken().isEmpty() ? Position.START
                : Position.parse(PageTokens.decode(request.nextToken()))
                        .orElseThrow(() -> new InvalidInputException("nextToken", "not a token this API gave out"));
        boolean someStreams = !names.isEmpty() || request.logStreamNamePrefix() != null;
        long deadline = System.nanoTime() + config.search().timeBudget().toNanos();
        return logs.group(group)
                .chain(g -> (someStreams ? streams.ids(g.id(), names, request.logStreamNamePrefix())
                        : Uni.createFrom().item(List.<Long>of())).chain(ids -> {
                            if (someStreams && ids.isEmpty()) {
                                return Uni.createFrom().item(page(List.of(), null, Map.of()));
                            }
                            long now = System.currentTimeMillis();
                            long from = Math.max(request.startTime() == null ? 0 : request.startTime(), g.visibleFrom(now));
                            long to = request.endTime() == null ? Long.MAX_VALUE : request.endTime();
                            Search search = new Search(g, ids, from, to, pattern, limit, deadline, new ArrayList<>(),
                                    new PageSize());
                            return search(search, after).chain(next -> streams.names(search.found().stream()
                                            .map(StoredEvent::streamId).distinct().toList())
                                    .map(streamNames -> page(search.found(), next, streamNames)));
                        }));
    }

    /**
     * Reads slices after {@code after} until the limit is reached, the range ends or the budget is
     * spent; the position to go on from, or null when the range is read to its end.
     */
    private Uni<Position> search(Search search, Position after) {
        return events.groupSlice(search.group().id(), search.streamIds(), search.from(), search.to(), after,
                search.pattern().requiredLiterals(), config.search().sliceRows(), config.search().sliceBytes())
                .chain(slice -> {
                    // matching one slice gets the budget even when reading it used the call's up
                    long matchDeadline = Math.max(search.deadline(),
                            System.nanoTime() + config.search().timeBudget().toNanos());
                    for (StoredEvent candidate : slice.candidates()) {
                        if (search.pattern().matches(candidate.message())) {
                            if (!search.size().add(candidate.message())) {
                                // a full page: the next call starts with this event
                                return Uni.createFrom().item(search.found().get(search.found().size() - 1).position());
                            }
                            search.found().add(candidate);
                            if (search.found().size() == search.limit()) {
                                return Uni.createFrom().item(candidate.position());
                            }
                        }
                        // rows between candidates hold none of the literals, so going on from here skips nothing
                        if (System.nanoTime() > matchDeadline) {
                            return Uni.createFrom().item(candidate.position());
                        }
                    }
                    if (slice.scanned() < config.search().sliceRows()) {
                        return Uni.createFrom().nullItem();
                    }
                    if (System.nanoTime() > search.deadline()) {
                        return Uni.createFrom().item(slice.last());
                    }
                    return search(search, slice.last());
                });
    }

    private static FilterLogEventsResponse page(List<StoredEvent> found, Position next,
                                                Map<Long, String> streamNames) {
        // events of a stream deleted a moment ago are still being removed
        List<FilterLogEventsResponse.FilteredEvent> events = found.stream()
                .filter(e -> streamNames.containsKey(e.streamId()))
                .map(e -> new FilterLogEventsResponse.FilteredEvent(streamNames.get(e.streamId()), e.timestamp(),
                        e.message(), e.ingestedAt(), String.valueOf(e.seq())))
                .toList();
        return new FilterLogEventsResponse(events, next == null ? null : PageTokens.encode(next.toString()));
    }
}
