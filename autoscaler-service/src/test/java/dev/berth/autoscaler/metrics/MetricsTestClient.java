package dev.berth.autoscaler.metrics;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.PlatformSecrets;
import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The metrics API and berth.metrics as the tests use them: demo users' tokens, envelopes as the scheduler sends them. */
final class MetricsTestClient {

    static final String API = "/api/autoscaler/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;
    /** Numbers as doubles, not floats, so that exact sums compare exactly. */
    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private MetricsTestClient() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    /** A namespace of its own for each test, so that tests never see each other's data. */
    static String newNamespace() {
        return "Test/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A whole minute some minutes ago: data there is read at 1-minute (or 1-second) resolution. */
    static Instant minutesAgo(int minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes));
    }

    static void put(String user, String namespace, List<Map<String, Object>> data) {
        as(user).body(Map.of("Namespace", namespace, "MetricData", data)).post(API + "/metric-data")
                .then().statusCode(204);
    }

    static Map<String, Object> datum(String name, List<Map<String, String>> dimensions, Instant at,
                                     Map<String, Object> value) {
        Map<String, Object> datum = new LinkedHashMap<>();
        datum.put("MetricName", name);
        datum.put("Dimensions", dimensions);
        datum.put("Timestamp", at.toString());
        datum.putAll(value);
        return datum;
    }

    static Map<String, String> dimension(String name, String value) {
        return Map.of("Name", name, "Value", value);
    }

    static JsonPath statistics(String user, String namespace, String name, List<Map<String, String>> dimensions,
                               Instant start, Instant end, int period, List<String> statistics) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Namespace", namespace);
        body.put("MetricName", name);
        body.put("Dimensions", dimensions);
        body.put("StartTime", start.toString());
        body.put("EndTime", end.toString());
        body.put("Period", period);
        body.put("Statistics", statistics);
        return as(user).body(body).post(API + "/metric-statistics").then().statusCode(200).extract().jsonPath()
                .using(DOUBLES);
    }

    /** Sends a MetricBatch envelope to berth.metrics as the scheduler forwards an agent's samples. */
    static void sendBatch(String id, String tenant, String key, List<Map<String, Object>> datapoints) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "MetricBatch");
        envelope.put("version", 1);
        envelope.put("id", id);
        envelope.put("tenant", tenant);
        envelope.put("time", Instant.now().toString());
        envelope.put("detail", Map.of("cluster", "default", "hostId", key, "datapoints", datapoints));
        producer().send(new ProducerRecord<>("berth.metrics", key, JSON.writeValueAsString(envelope))).get();
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            // as the broker's administrator: the test stands in for the scheduler forwarding agents' samples
            Map<String, Object> config = new HashMap<>(PlatformSecrets.kafkaAdminClientProperties());
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    System.getenv().getOrDefault("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Asks again until {@code done} holds for the answer (ingestion from Kafka is asynchronous), at most 30 s. */
    static JsonPath await(java.util.function.Supplier<JsonPath> ask, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath answer = ask.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = ask.get();
        }
        return answer;
    }
}
