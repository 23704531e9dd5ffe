package dev.berth.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.PlatformSecrets;
import dev.berth.testsupport.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The logs service under load, on a running platform ({@code ./platform up logs} with its
 * PostgreSQL and Kafka). Events travel the way host agents' batches do: LogBatch records of
 * 1,000 events on berth.logs, which the service consumes and writes to PostgreSQL.
 * <ul>
 *   <li>{@code ingest SECONDS RATE}: RATE events/s of 200 bytes for SECONDS into a new group, 20
 *       streams; every second what was produced, what is stored (log_bytes) and the consumer
 *       group's lag; then the sustained stored rate, the backlog and whether it stayed bounded</li>
 *   <li>{@code fill N [HOURS [RATE]]}: N events into one group ({@code /bench/filter}), timestamps
 *       spread evenly over the last HOURS (10) hours, unpaced unless RATE is given; the rate at
 *       which they were stored</li>
 *   <li>{@code filter QUERIES}: FilterLogEvents over that group, one-hour windows at random
 *       positions, three patterns; first-page latency, events and nextToken per pattern</li>
 *   <li>{@code newest QUERIES}: GetLogEvents limit=100 without startFromHead on random streams of
 *       that group, after 50 unmeasured requests</li>
 * </ul>
 * Latency modes send one request at a time over one HTTP client. Run with bench/logs-load.sh.
 */
public final class LogsLoad {

    private static final String API = env("BERTH_LOGS_URL", "http://127.0.0.1:8085") + "/api/logs/v1";
    private static final String BOOTSTRAP = env("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    private static final String DB_URL = env("BERTH_BENCH_DB_URL",
            "jdbc:postgresql://127.0.0.1:" + env("BERTH_PG_PORT", "15432") + "/berth");
    private static final String FILL_GROUP = env("BERTH_BENCH_LOG_GROUP", "/bench/filter");
    // agents' batches travel uncompressed; the load compresses its records so that Kafka keeps
    // gigabytes less on a nearly full disk (set BERTH_BENCH_COMPRESSION=none for the agents' way)
    private static final String COMPRESSION = env("BERTH_BENCH_COMPRESSION", "zstd");
    private static final double MIN_FREE_GIB = Double.parseDouble(env("BERTH_BENCH_MIN_FREE_GIB", "1.5"));
    private static final String TOPIC = "berth.logs";
    private static final String CONSUMER_GROUP = "berth-logs";
    private static final String TENANT = "acme";
    private static final int STREAMS = 20;
    private static final int PER_RECORD = 1_000;
    private static final int MESSAGE_BYTES = 200;
    private static final long HOUR = 3_600_000L;
    private static final String RARE_TERM = "deadlock";
    private static final List<String> PATTERNS = List.of("ERROR",
            "{ $.level = \"ERROR\" && $.latency > 100 }", RARE_TERM);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogsLoad() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the Kafka clients' threads would keep the JVM alive
    }

    private static void run(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "ingest" -> ingest(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "fill" -> fill(Long.parseLong(args[1]), args.length > 2 ? Double.parseDouble(args[2]) : 10,
                    args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "filter" -> filter(Integer.parseInt(args[1]));
            case "newest" -> newest(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(
                    "ingest SECONDS RATE | fill N [HOURS [RATE]] | filter QUERIES | newest QUERIES");
        }
    }

    // ------------------------------------------------------------------ ingestion

    private static void ingest(int seconds, int rate) throws Exception {
        String group = "/bench/ingest-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/log-groups", Map.of("logGroupName", group));
        long events = (long) seconds * rate / PER_RECORD * PER_RECORD;
        try (Probe probe = new Probe(group)) {
            System.out.printf("ingest into %s: %,d events/s of %d bytes for %d s, records of %,d events over %d "
                            + "streams, compression %s; lag before: %,d records%n", group, rate, MESSAGE_BYTES, seconds,
                    PER_RECORD, STREAMS, COMPRESSION, probe.lag()[0]);
            Sender sender = new Sender(group, events / PER_RECORD, rate / (double) PER_RECORD,
                    k -> System.currentTimeMillis());
            List<Sample> samples = watch(sender, probe, 1, Duration.ofSeconds(180));
            summarizeIngest(samples, sender, rate);
        }
    }

    private static void fill(long events, double hours, int rate) throws Exception {
        long span = (long) (hours * HOUR);
        try (Connection db = db()) {
            Optional<Long> existing = groupId(db, FILL_GROUP);
            if (existing.isPresent() && stored(db, existing.get()) > 0) {
                throw new IllegalStateException(FILL_GROUP + " already holds events; delete it or set BERTH_BENCH_LOG_GROUP");
            }
            if (existing.isEmpty()) {
                call("POST", "/log-groups", Map.of("logGroupName", FILL_GROUP));
            }
        }
        long anchor = System.currentTimeMillis();
        long total = events / PER_RECORD * PER_RECORD;
        try (Probe probe = new Probe(FILL_GROUP)) {
            System.out.printf("fill %s: %,d events of %d bytes, %s to %s (%.1f h, %,.0f events/hour), %s, "
                            + "compression %s; free disk %.1f GiB%n", FILL_GROUP, total, MESSAGE_BYTES,
                    Instant.ofEpochMilli(anchor - span), Instant.ofEpochMilli(anchor), hours, total / hours,
                    rate > 0 ? String.format("%,d events/s", rate) : "unpaced", COMPRESSION, freeGiB());
            Sender sender = new Sender(FILL_GROUP, total / PER_RECORD, rate / (double) PER_RECORD,
                    k -> anchor - span + k * span / total);
            List<Sample> samples = watch(sender, probe, 10, Duration.ofSeconds(120));
            Sample last = samples.get(samples.size() - 1);
            double produced = (sender.finishedAt - sender.startedAt) / 1e9;
            System.out.printf("produced %,d events in %.1f s (%,.0f/s); stored %,d in %.1f s from the first send: "
                            + "%,.0f events/s; largest backlog %,d events; free disk now %.1f GiB%n", sender.acked.get(),
                    produced, sender.acked.get() / produced, last.stored, last.seconds, last.stored / last.seconds,
                    samples.stream().mapToLong(Sample::backlog).max().orElse(0), freeGiB());
            printCpu("CPU over the whole fill", samples.get(0), last);
        }
    }

    /** One progress reading: seconds since the first send, events acknowledged by Kafka and stored, lag. */
    private record Sample(double seconds, long produced, long stored, long lagRecords, int consumers,
                          Map<Long, Long> cpu) {
        long backlog() {
            return produced - stored;
        }
    }

    /**
     * Starts the sender and prints a reading every {@code every} seconds until all it sent is
     * stored, or nothing more was stored for {@code stall} after it finished.
     */
    private static List<Sample> watch(Sender sender, Probe probe, int every, Duration stall) throws Exception {
        Cpu cpu = new Cpu();
        List<Sample> samples = new ArrayList<>();
        long[] before = probe.lag();
        samples.add(new Sample(0, 0, 0, before[0], (int) before[1], cpu.ticks()));
        Thread sending = Thread.ofPlatform().name("sender").start(sender);
        long start = System.nanoTime();
        System.out.printf("%7s %12s %9s %12s %9s %11s %9s %10s %4s  %s%n", "t (s)", "produced", "/s", "stored", "/s",
                "backlog", "lag rec", "≈ events", "cons", "CPU, % of one core");
        long lastProgress = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(start + (long) samples.size() * every * 1_000_000_000L - System.nanoTime());
            long[] lag = probe.lag();
            Sample previous = samples.get(samples.size() - 1);
            Sample now = new Sample((System.nanoTime() - start) / 1e9, sender.acked.get(), probe.stored(), lag[0],
                    (int) lag[1], cpu.ticks());
            samples.add(now);
            double dt = now.seconds - previous.seconds;
            System.out.printf("%7.1f %,12d %,9.0f %,12d %,9.0f %,11d %,9d %,10d %4d  %s%n", now.seconds, now.produced,
                    (now.produced - previous.produced) / dt, now.stored, (now.stored - previous.stored) / dt,
                    now.backlog(), now.lagRecords, now.lagRecords * PER_RECORD, now.consumers,
                    Cpu.line(previous.cpu, now.cpu, dt));
            if (now.stored > previous.stored) {
                lastProgress = System.nanoTime();
            }
            if (!sender.stopped && freeGiB() < MIN_FREE_GIB) {
                System.out.printf("free disk below %.1f GiB: no more records are sent%n", MIN_FREE_GIB);
                sender.stopped = true;
            }
            boolean sent = !sending.isAlive();
            if (sent && now.stored >= now.produced) {
                break;
            }
            if (sent && System.nanoTime() - lastProgress > stall.toNanos()) {
                System.out.printf("nothing stored for %d s: giving up with %,d events not stored%n", stall.toSeconds(),
                        now.backlog());
                break;
            }
        }
        if (sender.failed.get() > 0) {
            System.out.printf("%,d records were not accepted by Kafka%n", sender.failed.get());
        }
        return samples;
    }

    private static void summarizeIngest(List<Sample> samples, Sender sender, int rate) {
        double sending = (sender.finishedAt - sender.startedAt) / 1e9;
        Sample end = at(samples, sending);
        Sample half = at(samples, sending / 2);
        Sample last = samples.get(samples.size() - 1);
        List<Sample> during = samples.stream().filter(s -> s.seconds <= end.seconds).toList();
        double slope = slope(during.stream().filter(s -> s.seconds >= half.seconds).toList());
        System.out.printf("produced %,d events in %.1f s: %,.0f events/s (target %,d/s)%n", sender.acked.get(), sending,
                sender.acked.get() / sending, rate);
        System.out.printf("stored while producing (to t=%.0f s): %,d = %,.0f events/s; second half alone %,.0f events/s%n",
                end.seconds, end.stored, end.stored / end.seconds,
                (end.stored - half.stored) / (end.seconds - half.seconds));
        System.out.printf("all %,d stored after %.1f s (%,.0f events/s overall)%n", last.stored, last.seconds,
                last.stored / last.seconds);
        System.out.printf("backlog (produced - stored): max %,d events while producing, %,d at its end; "
                        + "committed lag max %,d records, %,d at the end of producing, %,d at the end%n",
                during.stream().mapToLong(Sample::backlog).max().orElse(0), end.backlog(),
                during.stream().mapToLong(Sample::lagRecords).max().orElse(0), end.lagRecords, last.lagRecords);
        System.out.printf("backlog trend over the second half: %+,.0f events/s -> %s%n", slope,
                slope < 0.02 * rate ? "bounded" : "NOT bounded (falls behind)");
        printCpu("CPU while producing", samples.get(0), end);
    }

    private static Sample at(List<Sample> samples, double seconds) {
        Sample best = samples.get(0);
        for (Sample s : samples) {
            if (Math.abs(s.seconds - seconds) < Math.abs(best.seconds - seconds)) {
                best = s;
            }
        }
        return best;
    }

    /** Least-squares growth of the backlog, events per second. */
    private static double slope(List<Sample> samples) {
        double mt = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double mb = samples.stream().mapToDouble(Sample::backlog).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.seconds - mt) * (s.backlog() - mb);
            den += (s.seconds - mt) * (s.seconds - mt);
        }
        return den == 0 ? 0 : num / den;
    }

    private static void printCpu(String what, Sample from, Sample to) {
        System.out.printf("%s (%% of one core; 200 = both cores): %s%n", what,
                Cpu.line(from.cpu, to.cpu, to.seconds - from.seconds));
    }

    /** Sends records of 1,000 events round-robin over the streams, paced at a rate or as fast as Kafka takes them. */
    private static final class Sender implements Runnable {
        final AtomicLong acked = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile boolean stopped;
        volatile long startedAt = System.nanoTime();
        volatile long finishedAt;
        private final String group;
        private final long records;
        private final double recordsPerSecond;
        private final LongUnaryOperator timeOfEvent;

        Sender(String group, long records, double recordsPerSecond, LongUnaryOperator timeOfEvent) {
            this.group = group;
            this.records = records;
            this.recordsPerSecond = recordsPerSecond;
            this.timeOfEvent = timeOfEvent;
        }

        @Override
        public void run() {
            Random random = new Random(42);
            Lines lines = new Lines(random);
            try (KafkaProducer<String, String> producer = producer()) {
                startedAt = System.nanoTime();
                for (long r = 0; r < records && !stopped; r++) {
                    if (recordsPerSecond > 0) {
                        LockSupport.parkNanos(startedAt + (long) (r * 1e9 / recordsPerSecond) - System.nanoTime());
                    }
                    String stream = "s-" + (r % STREAMS);
                    String value = record(group, stream, r * PER_RECORD, timeOfEvent, lines, random);
                    producer.send(new ProducerRecord<>(TOPIC, group + "/" + stream, value), (meta, e) -> {
                        if (e == null) {
                            acked.addAndGet(PER_RECORD);
                        } else {
                            failed.incrementAndGet();
                        }
                    });
                }
                producer.flush();
            } finally {
                finishedAt = System.nanoTime();
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> config = kafkaConfig();
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4_194_304);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1_048_576);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 67_108_864L);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** The broker takes SCRAM logins only; the load run writes berth.logs as the broker's administrator. */
    private static Map<String, Object> kafkaConfig() {
        Map<String, Object> config = new HashMap<>(PlatformSecrets.kafkaAdminClientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        return config;
    }

    /** A LogBatch envelope as host agents' batches arrive, events {@code first .. first+999} of the run. */
    private static String record(String group, String stream, long first, LongUnaryOperator timeOfEvent, Lines lines,
                                 Random random) {
        StringBuilder json = new StringBuilder(PER_RECORD * (MESSAGE_BYTES + 48) + 400);
        json.append("{\"type\":\"LogBatch\",\"version\":1,\"id\":\"").append(UUID.randomUUID())
                .append("\",\"tenant\":\"").append(TENANT).append("\",\"time\":\"").append(Instant.now())
                .append("\",\"detail\":{\"cluster\":\"bench\",\"hostId\":\"bench-host\",\"logGroup\":\"").append(group)
                .append("\",\"logStream\":\"").append(stream).append("\",\"events\":[");
        for (int i = 0; i < PER_RECORD; i++) {
            json.append(i == 0 ? "" : ",").append("{\"timestamp\":").append(timeOfEvent.applyAsLong(first + i))
                    .append(",\"message\":\"").append(lines.next(random)).append("\"}");
        }
        return json.append("]}}").toString();
    }

    /**
     * 200-byte application lines, already escaped for JSON: 1 % at level ERROR, one in ten a JSON
     * line ({@code {"level":..,"latency":..}}, latency 1-1,000 ms), and one in 100,000 holding
     * the rare term "deadlock" (which no other line holds).
     */
    private static final class Lines {
        private static final String FILLER = "ua=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0 Safari/537.36 region=eu-west-1 az=eu-west-1b pod=orders-api-7d9f8c6b5-x2k4q "
                + "node=ip-10-0-3-17 build=2026.11.3 feature-flags=checkout-v2,fast-cart,new-pricing";
        private final String[] normal = new String[10_000];
        private final String[] errors = new String[2_000];
        private final String[] rare = new String[100];

        Lines(Random random) {
            for (int i = 0; i < normal.length; i++) {
                int level = random.nextInt(100);
                normal[i] = line(random, level < 85 ? "INFO" : level < 93 ? "WARN" : "DEBUG");
            }
            for (int i = 0; i < errors.length; i++) {
                errors[i] = line(random, "ERROR");
            }
            for (int i = 0; i < rare.length; i++) {
                rare[i] = padded(String.format("WARN  [watchdog] db.Locks - %s detected between worker-%d and worker-%d "
                        + "on table orders, retrying trace=%016x ", RARE_TERM, random.nextInt(16), random.nextInt(16),
                        random.nextLong()));
            }
        }

        String next(Random random) {
            int r = random.nextInt(100_000);
            String[] pool = r == 0 ? rare : r <= 1_000 ? errors : normal;
            return pool[random.nextInt(pool.length)];
        }

        private static String line(Random random, String level) {
            if (random.nextInt(10) == 0) {
                String head = String.format("{\"level\":\"%s\",\"latency\":%d,\"status\":%d,\"path\":\"/api/orders/%d\","
                                + "\"trace\":\"%016x\",\"msg\":\"", level, 1 + random.nextInt(1_000),
                        level.equals("ERROR") ? 500 : 200, random.nextInt(100_000), random.nextLong());
                String text = head + FILLER.substring(0, MESSAGE_BYTES - head.length() - 2) + "\"}";
                return text.replace("\"", "\\\"");
            }
            String text = switch (level) {
                case "ERROR" -> String.format("ERROR [worker-%d] orders.Checkout - payment failed for order %d: upstream "
                        + "timeout after %d ms trace=%016x ", random.nextInt(16), random.nextInt(100_000),
                        1_000 + random.nextInt(4_000), random.nextLong());
                case "WARN" -> String.format("WARN  [pool-%d] db.Pool - slow query on orders took %d ms rows=%d "
                        + "trace=%016x ", random.nextInt(4), 200 + random.nextInt(2_000), random.nextInt(5_000),
                        random.nextLong());
                case "DEBUG" -> String.format("DEBUG [worker-%d] cache.Lookup - miss for key cart:%d, loading from "
                        + "db trace=%016x ", random.nextInt(16), random.nextInt(1_000_000), random.nextLong());
                default -> String.format("INFO  [worker-%d] http.Access - GET /api/orders/%d 200 in %d ms user=u-%d "
                                + "trace=%016x ", random.nextInt(16), random.nextInt(100_000), 1 + random.nextInt(300),
                        random.nextInt(50_000), random.nextLong());
            };
            return padded(text);
        }

        private static String padded(String text) {
            return (text + FILLER).substring(0, MESSAGE_BYTES);
        }
    }

    // ------------------------------------------------------------------ queries

    private static void filter(int queries) throws Exception {
        long[] range;
        try (Connection db = db()) {
            range = timeRange(db, groupId(db, FILL_GROUP).orElseThrow(() -> noFill()));
        }
        String path = "/log-groups/" + encoded(FILL_GROUP) + "/events:filter";
        System.out.printf("FilterLogEvents on %s, %s to %s, one-hour windows, first page, default limit, %d queries "
                + "per pattern (after 5 unmeasured)%n", FILL_GROUP, Instant.ofEpochMilli(range[0]),
                Instant.ofEpochMilli(range[1]), queries);
        Random random = new Random(7);
        Map<String, List<Long>> micros = new LinkedHashMap<>();
        Map<String, List<Long>> found = new LinkedHashMap<>();
        Map<String, Integer> tokens = new HashMap<>();
        Map<String, List<List<Long>>> byStart = new LinkedHashMap<>(); // latency by where the window starts, in thirds
        List<Long> windows = new ArrayList<>();
        for (int i = -5; i < queries; i++) {
            long from = range[0] + (long) (random.nextDouble() * Math.max(0, range[1] - range[0] - HOUR));
            windows.add(from);
            for (String pattern : PATTERNS) {
                Timed page = timed(request("POST", path,
                        Map.of("filterPattern", pattern, "startTime", from, "endTime", from + HOUR)));
                if (i >= 0) {
                    micros.computeIfAbsent(pattern, p -> new ArrayList<>()).add(page.micros);
                    found.computeIfAbsent(pattern, p -> new ArrayList<>()).add((long) page.body.path("events").size());
                    tokens.merge(pattern, page.body.hasNonNull("nextToken") ? 1 : 0, Integer::sum);
                    byStart.computeIfAbsent(pattern, p -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
                            .get((int) Math.min(2, 3 * (from - range[0]) / Math.max(1, range[1] - range[0] - HOUR)))
                            .add(page.micros);
                }
            }
        }
        System.out.printf("%-46s %7s %7s %7s %7s %7s  %-24s %s%n", "pattern", "queries", "p50 ms", "p90 ms", "p99 ms",
                "max ms", "events/page p50 (min-max)", "with nextToken");
        for (String pattern : PATTERNS) {
            List<Long> t = micros.get(pattern);
            List<Long> n = found.get(pattern);
            System.out.printf("%-46s %7d %7.1f %7.1f %7.1f %7.1f  %-24s %d of %d%n", pattern, t.size(), pct(t, 50) / 1e3,
                    pct(t, 90) / 1e3, pct(t, 99) / 1e3, Collections.max(t) / 1e3,
                    String.format("%,d (%,d-%,d)", pct(n, 50), Collections.min(n), Collections.max(n)),
                    tokens.get(pattern), t.size());
        }
        System.out.println("p50 ms by where the window starts (first, middle, last third of the range):");
        for (String pattern : PATTERNS) {
            List<String> thirds = byStart.get(pattern).stream()
                    .map(t -> t.isEmpty() ? "-" : String.format("%.1f (%d)", pct(t, 50) / 1e3, t.size())).toList();
            System.out.printf("  %-46s %s%n", pattern, String.join("   ", thirds));
        }
        System.out.println("every page of one window, following nextToken (first 3 windows):");
        for (String pattern : PATTERNS) {
            for (long from : windows.subList(0, 3)) {
                allPages(path, pattern, from);
            }
        }
    }

    private static void allPages(String path, String pattern, long from) throws Exception {
        int pages = 0;
        long events = 0;
        long micros = 0;
        String token = null;
        do {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("filterPattern", pattern, "startTime", from,
                    "endTime", from + HOUR));
            if (token != null) {
                body.put("nextToken", token);
            }
            Timed page = timed(request("POST", path, body));
            pages++;
            micros += page.micros;
            events += page.body.path("events").size();
            token = page.body.path("nextToken").asText(null);
        } while (token != null);
        System.out.printf("  %-46s window %s: %,d events in %d pages, %.2f s%n", pattern, Instant.ofEpochMilli(from),
                events, pages, micros / 1e6);
    }

    private static void newest(int queries) throws Exception {
        List<String> streams = new ArrayList<>();
        try (Connection db = db(); PreparedStatement query = db.prepareStatement(
                "SELECT name FROM logs.log_stream WHERE group_id = ? ORDER BY name")) {
            query.setLong(1, groupId(db, FILL_GROUP).orElseThrow(() -> noFill()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    streams.add(rows.getString(1));
                }
            }
        }
        Random random = new Random(11);
        List<Long> micros = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = -50; i < queries; i++) {
            String stream = streams.get(random.nextInt(streams.size()));
            Timed page = timed(request("GET", "/log-groups/" + encoded(FILL_GROUP) + "/streams/" + encoded(stream)
                    + "/events?limit=100", null));
            if (i >= 0) {
                micros.add(page.micros);
                counts.add((long) page.body.path("events").size());
            }
        }
        System.out.printf("GetLogEvents limit=100, newest first, %d streams of %s, %d requests one at a time "
                        + "(after 50 unmeasured): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; events per "
                        + "response %d-%d%n", streams.size(), FILL_GROUP, micros.size(), pct(micros, 50) / 1e3,
                pct(micros, 90) / 1e3, pct(micros, 99) / 1e3, Collections.max(micros) / 1e3, Collections.min(counts),
                Collections.max(counts));
    }

    private static IllegalStateException noFill() {
        return new IllegalStateException("no group " + FILL_GROUP + ": run `bench/logs-load.sh fill 10000000` first");
    }

    // ------------------------------------------------------------------ PostgreSQL, Kafka, CPU

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(DB_URL, env("BERTH_BENCH_DB_USER", PlatformSecrets.databaseUser("logs")),
                env("BERTH_BENCH_DB_PASSWORD", PlatformSecrets.databasePassword("logs")));
    }

    private static Optional<Long> groupId(Connection db, String name) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM logs.log_group WHERE tenant = ? AND name = ?")) {
            query.setString(1, TENANT);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Events stored for a group: the service's own per-day counts, kept in the transaction that inserts them. */
    private static long stored(Connection db, long groupId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT coalesce(sum(events), 0) FROM logs.log_bytes WHERE group_id = ?")) {
            query.setLong(1, groupId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long[] timeRange(Connection db, long groupId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT min(first_event_at), max(last_event_at) FROM logs.log_stream WHERE group_id = ?")) {
            query.setLong(1, groupId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /** What is stored of a group (PostgreSQL) and how far the service's consumer group is behind (Kafka). */
    private static final class Probe implements AutoCloseable {
        private final Connection db;
        private final Admin admin;
        private final long groupId;
        private final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();

        Probe(String group) throws Exception {
            db = db();
            groupId = groupId(db, group).orElseThrow(() -> new IllegalStateException("no group " + group));
            admin = Admin.create(kafkaConfig());
            int count = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC)
                    .partitions().size();
            for (int p = 0; p < count; p++) {
                partitions.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
        }

        long stored() throws SQLException {
            return LogsLoad.stored(db, groupId);
        }

        /** Records between the committed offsets and the ends of the partitions, and the consumers in the group. */
        long[] lag() throws Exception {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions.keySet()) {
                OffsetAndMetadata at = committed.get(partition);
                lag += ends.get(partition).offset() - (at == null ? 0 : at.offset());
            }
            int members = admin.describeConsumerGroups(List.of(CONSUMER_GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(CONSUMER_GROUP).members().size();
            return new long[] {lag, members};
        }

        @Override
        public void close() throws Exception {
            admin.close();
            db.close();
        }
    }

    /** CPU ticks per process from /proc (100 a second): logs service, PostgreSQL, Kafka, Keycloak, this load, other. */
    private static final class Cpu {
        private static final List<String> KINDS = List.of("logs", "postgres", "kafka", "keycloak", "load", "other", "idle");
        private static final Map<Long, String> KIND = new HashMap<>();
        private static final long SELF = ProcessHandle.current().pid();
        private static final long IDLE = -1;

        Map<Long, Long> ticks() throws IOException {
            Map<Long, Long> ticks = new HashMap<>();
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                    p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
                for (Path process : processes) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(Long.parseLong(process.getFileName().toString()),
                                Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime + stime
                    } catch (IOException | RuntimeException gone) {
                        // ended meanwhile
                    }
                }
            }
            String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            ticks.put(IDLE, Long.parseLong(total[4]) + Long.parseLong(total[5])); // idle + iowait
            return ticks;
        }

        /** Percent of one core per kind between two readings. */
        static String line(Map<Long, Long> from, Map<Long, Long> to, double seconds) {
            Map<String, Long> used = new HashMap<>();
            to.forEach((pid, t) -> used.merge(kind(pid), t - from.getOrDefault(pid, 0L), Long::sum));
            StringBuilder line = new StringBuilder();
            for (String kind : KINDS) {
                line.append(String.format("%s %.0f  ", kind, used.getOrDefault(kind, 0L) / seconds));
            }
            return line.toString().trim();
        }

        private static String kind(long pid) {
            if (pid == IDLE) {
                return "idle";
            }
            if (pid == SELF) {
                return "load";
            }
            return KIND.computeIfAbsent(pid, p -> {
                try {
                    String command = Files.readString(Path.of("/proc", String.valueOf(p), "cmdline")).replace('\0', ' ');
                    if (command.contains("services/logs-service/target/quarkus-app")) {
                        return "logs";
                    }
                    if (command.startsWith("postgres") || command.contains("/bin/postgres ")) {
                        return "postgres";
                    }
                    if (command.contains("kafka.Kafka ")) {
                        return "kafka";
                    }
                    return command.contains("-Dkc.") ? "keycloak" : "other";
                } catch (IOException | RuntimeException gone) {
                    return "other";
                }
            });
        }
    }

    private static double freeGiB() throws IOException {
        return Files.getFileStore(Path.of(env("BERTH_DATA_DIR", "data"))).getUsableSpace() / (double) (1L << 30);
    }

    // ------------------------------------------------------------------ HTTP

    private record Timed(long micros, JsonNode body) {
    }

    private static String token;
    private static long tokenAt;

    private static String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(2).toNanos()) {
            token = Tokens.forDemoUser("acme-admin");
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static HttpRequest request(String method, String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    /** Sends a request and times it to the last byte of the response (the token was fetched before). */
    private static Timed timed(HttpRequest request) throws Exception {
        long before = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - before) / 1_000;
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return new Timed(micros, JSON.readTree(response.body()));
    }

    private static JsonNode call(String method, String path, Object body) throws Exception {
        return timed(request(method, path, body)).body;
    }

    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
