package dev.berth.logs.tail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.messaging.KafkaClientSecurity;
import dev.berth.common.messaging.Topic;
import dev.berth.logs.LogsConfig;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.ingest.BatchAdmission;
import dev.berth.logs.ingest.IncomingBatch;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Feeds live tails from berth.logs itself: while at least one tail is open, this replica reads
 * every partition from its end (no consumer group, nothing committed) and hands each batch to
 * the tails that want it. So a tail sees events ingested by any replica, before they are stored.
 */
@ApplicationScoped
public class TailFeed {

    private static final Logger LOG = Logger.getLogger(TailFeed.class);

    private final Set<TailSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("logs-tail-expiry").daemon().factory());
    private Thread reader;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    KafkaClientSecurity kafkaSecurity;

    @Inject
    LogsConfig settings;

    /**
     * Events from now on of a tenant's group, of the streams named or with the prefix (all when neither),
     * matching the pattern, until the caller's token expires: then a {@link TailUpdate.SessionEnd} and the end.
     */
    public Multi<TailUpdate> subscribe(String tenant, String group, List<String> streamNames, String streamPrefix,
                                      FilterPattern pattern, TokenExpiry expiry) {
        return Multi.createFrom().emitter(emitter -> {
            TailSubscription subscription = new TailSubscription(tenant, group, streamNames, streamPrefix, pattern,
                    emitter::emit);
            AtomicReference<ScheduledFuture<?>> end = new AtomicReference<>();
            emitter.onTermination(() -> {
                subscriptions.remove(subscription);
                ScheduledFuture<?> pending = end.get();
                if (pending != null) {
                    pending.cancel(false);
                }
            });
            subscriptions.add(subscription);
            end.set(expiries.schedule(() -> {
                long now = System.currentTimeMillis();
                emitter.emit(new TailUpdate.SessionEnd(TailUpdate.SessionEnd.TOKEN_EXPIRED, now));
                emitter.complete();
            }, expiry.remaining(Instant.now()).toMillis(), TimeUnit.MILLISECONDS));
            start();
        });
    }

    private synchronized void start() {
        if (reader == null) {
            reader = Thread.ofPlatform().name("logs-tail-feed").daemon().start(this::read);
        }
    }

    /** Whether to go on reading; the reader thread leaves under the same lock {@link #start} takes. */
    private synchronized boolean wanted() {
        if (subscriptions.isEmpty()) {
            reader = null;
            return false;
        }
        return true;
    }

    private void read() {
        while (wanted()) {
            try {
                readUntilUnwanted();
            } catch (RuntimeException e) {
                LOG.warnf("live tail feed: reading berth.logs failed, retrying in %s: %s", settings.tail().retryAfter(),
                        e.getMessage());
                sleep();
            }
        }
    }

    private void readUntilUnwanted() {
        Map<String, Object> config = new HashMap<>(kafkaSecurity.properties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(settings.tail().maxPollRecords()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.LOGS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (wanted()) {
                subscriptions.forEach(TailSubscription::live);
                for (ConsumerRecord<String, String> record : consumer.poll(settings.tail().pollTimeout())) {
                    hand(record.value());
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(settings.tail().retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(String record) {
        try {
            // what ingestion refuses (a forged audit batch) is not tailed either
            IncomingBatch.of(json.readTree(record)).flatMap(b -> BatchAdmission.of(b).admitted()).ifPresent(batch -> {
                long now = System.currentTimeMillis();
                subscriptions.forEach(s -> s.offer(batch, now));
            });
        } catch (IOException e) {
            LOG.debugf("live tail skipped a record that is not JSON: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        expiries.shutdownNow();
        subscriptions.clear();
    }
}
