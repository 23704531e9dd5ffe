package dev.berth.logs.metricfilters;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.logs.LogsConfig;
import dev.berth.logs.events.InputEvent;
import dev.berth.logs.ingest.StoredEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Turns stored events into data points on berth.metrics through their group's metric filters:
 * one MetricBatch per group and filter for each written poll. Filters are read again at most
 * every few seconds, so a new or changed filter applies to events stored from then on.
 */
@ApplicationScoped
public class MetricFilterPublisher {

    private static final Logger LOG = Logger.getLogger(MetricFilterPublisher.class);

    /** The {@code detail} of a MetricBatch from a metric filter. */
    public record FilterMetrics(String logGroup, String filterName, List<MetricFilter.Datapoint> datapoints) {
    }

    private record Cached(long loadedAt, List<MetricFilter> filters) {
    }

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    MetricFilterStore store;

    @Inject
    LogsConfig config;

    @Inject
    @Channel("filter-metrics")
    Emitter<Record<String, EventEnvelope<FilterMetrics>>> metrics;

    public Uni<Void> publish(List<StoredEvents> written) {
        if (written.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return filtersOf(written.stream().map(StoredEvents::groupId).distinct().toList()).invoke(filters -> {
            for (StoredEvents events : written) {
                for (MetricFilter filter : filters.getOrDefault(events.groupId(), List.of())) {
                    send(events, filter);
                }
            }
        }).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("metric filters not applied to %d batches: %s", written.size(),
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Forgets a group's filters so the next batch reads them again. */
    public void changed(long groupId) {
        cache.remove(groupId);
    }

    private void send(StoredEvents events, MetricFilter filter) {
        List<MetricFilter.Datapoint> points = new ArrayList<>();
        for (InputEvent event : events.events()) {
            points.addAll(filter.datapoints(event.timestamp(), event.message()));
        }
        if (points.isEmpty()) {
            points.addAll(filter.defaults(events.ingestedAt()));
        }
        if (points.isEmpty()) {
            return;
        }
        var envelope = EventEnvelope.of("MetricBatch", 1, events.tenant(), null,
                new FilterMetrics(events.logGroup(), filter.filterName(), points));
        try {
            metrics.send(Record.of(events.logGroup() + "/" + filter.filterName(), envelope))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            LOG.warnf("metric filter %s: data points not delivered: %s", filter.filterName(), e.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warnf("metric filter %s: data points dropped: %s", filter.filterName(), e.getMessage());
        }
    }

    private Uni<Map<Long, List<MetricFilter>>> filtersOf(List<Long> groupIds) {
        long now = System.currentTimeMillis();
        List<Long> stale = groupIds.stream()
                .filter(id -> cache.get(id) == null || now - cache.get(id).loadedAt() > config.cache().metricFilters().toMillis()).toList();
        Uni<Void> loaded = stale.isEmpty() ? Uni.createFrom().voidItem() : store.ofGroups(stale).invoke(found -> {
            Map<Long, List<MetricFilter>> byGroup = new HashMap<>();
            stale.forEach(id -> byGroup.put(id, new ArrayList<>()));
            found.forEach(f -> byGroup.get(f.groupId()).add(f));
            byGroup.forEach((id, filters) -> cache.put(id, new Cached(now, List.copyOf(filters))));
        }).replaceWithVoid();
        return loaded.map(x -> {
            Map<Long, List<MetricFilter>> filters = new HashMap<>();
            groupIds.forEach(id -> filters.put(id, cache.getOrDefault(id, new Cached(now, List.of())).filters()));
            return filters;
        });
    }
}
