package dev.berth.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records on a platform topic the way another service would, over a real producer. */
public final class EventsWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private EventsWriter(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    public static EventsWriter open() {
        Map<String, Object> config = new HashMap<>(PlatformSecrets.kafkaAdminClientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new EventsWriter(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    /** Sends one record and waits until the broker has it. */
    public void send(String topic, String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, json)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
