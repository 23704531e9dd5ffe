package dev.berth.benchmarks;

import dev.berth.logs.filter.FilterPattern;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Log events matched per second by one filter pattern, the work FilterLogEvents, the live tail and
 * metric filters do for every event they look at. The events are the mix bench/logs-load.sh
 * writes: 200-byte text lines at INFO/WARN/DEBUG with 1 % ERROR, and one in ten a JSON line.
 * One operation = one event tested.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FilterPatternBenchmark {

    @Param({"ERROR", "ERROR -timeout ?disk ?memory", "%ERROR|WARN%",
            "{ $.level = \"ERROR\" && $.latency > 100 }", "[ip, user, status = 5*, bytes > 1000, ...]"})
    public String pattern;

    private FilterPattern compiled;
    private String[] events;
    private int next;

    @Setup
    public void setUp() {
        compiled = FilterPattern.parse(pattern);
        Random random = new Random(7);
        String[] levels = {"INFO", "WARN", "DEBUG"};
        events = new String[4096];
        for (int i = 0; i < events.length; i++) {
            if (i % 10 == 0) {
                events[i] = "{\"level\":\"" + (random.nextInt(100) == 0 ? "ERROR" : "INFO") + "\",\"latency\":"
                        + (1 + random.nextInt(1000)) + ",\"status\":" + (random.nextBoolean() ? 200 : 500)
                        + ",\"path\":\"/api/orders/" + random.nextInt(100000) + "\",\"service\":\"web\"}";
            } else {
                String level = random.nextInt(100) == 0 ? "ERROR" : levels[random.nextInt(3)];
                events[i] = "10.0.0." + random.nextInt(255) + " user-" + random.nextInt(50) + " "
                        + (random.nextInt(10) == 0 ? 503 : 200) + " " + random.nextInt(5000) + " " + level
                        + " request handled in " + random.nextInt(900) + " ms for /api/orders/" + random.nextInt(100000)
                        + " " + "x".repeat(90);
            }
        }
    }

    @Benchmark
    public boolean match() {
        next = (next + 1) & (events.length - 1);
        return compiled.matches(events[next]);
    }
}
