package dev.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a platform topic from its current end, the way a consumer of the platform's events
 * would: open it before acting, then wait for the events the action should cause.
 */
public final class EventsReader implements AutoCloseable {

    /** One record: its key and its JSON value. */
    public record Event(String key, JsonNode value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;

    private EventsReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Starts reading {@code topic} at its end, so only events from now on are seen. */
    public static EventsReader atEndOf(String topic) {
        Map<String, Object> config = new HashMap<>(PlatformSecrets.kafkaAdminClientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new EventsReader(consumer);
    }

    /** Reads until {@code count} events match (or {@code within} passes) and returns the matching ones. */
    public List<Event> read(Predicate<Event> matching, int count, Duration within) throws Exception {
        List<Event> found = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                Event event = new Event(record.key(), JSON.readTree(record.value()));
                if (matching.test(event)) {
                    found.add(event);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
