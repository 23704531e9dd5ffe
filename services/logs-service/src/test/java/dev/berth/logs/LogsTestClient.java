package dev.berth.logs;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.PlatformSecrets;
import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The logs API and berth.logs as the tests use them: demo users' tokens, URL-encoded names, records sent as the scheduler sends them. */
public final class LogsTestClient {

    public static final String API = "/api/logs/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private LogsTestClient() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(TOKENS.computeIfAbsent(user, Tokens::forDemoUser)).contentType("application/json")
                .urlEncodingEnabled(false);
    }

    public static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    public static String group(String name) {
        return API + "/log-groups/" + encoded(name);
    }

    public static String events(String group, String stream) {
        return group(group) + "/streams/" + encoded(stream) + "/events";
    }

    /** A new group name of the test, with a '/' as real names have. */
    public static String newGroupName() {
        return "/test/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newGroup(Integer retentionInDays) {
        String name = newGroupName();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logGroupName", name);
        if (retentionInDays != null) {
            body.put("retentionInDays", retentionInDays);
        }
        as("acme-admin").body(body).post(API + "/log-groups").then().statusCode(200);
        return name;
    }

    public static void newStream(String group, String stream) {
        as("acme-deployer").body(Map.of("logStreamName", stream)).post(group(group) + "/streams").then().statusCode(200);
    }

    public static void put(String group, String stream, List<Map<String, Object>> events) {
        as("acme-deployer").body(Map.of("logEvents", events)).post(events(group, stream)).then().statusCode(200);
    }

    public static Map<String, Object> event(long timestamp, String message) {
        return Map.of("timestamp", timestamp, "message", message);
    }

    /** Sends a LogBatch record to berth.logs as the scheduler forwards an agent's batch; returns its id. */
    public static String sendBatch(String tenant, String group, String stream, List<Map<String, Object>> events,
                                   String id) throws Exception {
        return sendBatch("berth.logs", tenant, group, stream, events, id);
    }

    /** The same, to another topic than berth.logs. */
    public static String sendBatch(String topic, String tenant, String group, String stream,
                                   List<Map<String, Object>> events, String id) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "LogBatch");
        envelope.put("version", 1);
        envelope.put("id", id);
        envelope.put("tenant", tenant);
        envelope.put("time", Instant.now().toString());
        envelope.put("detail", Map.of("cluster", "default", "hostId", "test-host", "logGroup", group,
                "logStream", stream, "events", events));
        producer().send(new ProducerRecord<>(topic, group + "/" + stream, JSON.writeValueAsString(envelope)))
                .get();
        return id;
    }

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            // as the broker's administrator: the test stands in for the scheduler forwarding agents' batches
            Map<String, Object> config = new HashMap<>(PlatformSecrets.kafkaAdminClientProperties());
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** GetLogEvents with the given query, as the viewer. */
    public static JsonPath get(String group, String stream, String query) {
        return as("acme-viewer").get(events(group, stream) + (query.isEmpty() ? "" : "?" + query)).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The stream's messages from the head once {@code done} holds for them (ingestion is asynchronous). */
    public static List<String> awaitMessages(String group, String stream, Predicate<List<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> messages = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            int status = as("acme-viewer").get(events(group, stream) + "?startFromHead=true").then().extract().statusCode();
            if (status == 200) {
                messages = get(group, stream, "startFromHead=true").getList("events.message");
                if (done.test(messages)) {
                    return messages;
                }
            }
            Thread.sleep(100);
        }
        return messages;
    }
}
