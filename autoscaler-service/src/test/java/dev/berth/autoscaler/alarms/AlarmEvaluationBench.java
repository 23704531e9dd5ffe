package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.autoscaler.metrics.Dimension;
import dev.berth.autoscaler.metrics.DimensionValue;
import dev.berth.autoscaler.metrics.IncomingBatch;
import dev.berth.autoscaler.metrics.MetricKey;
import dev.berth.autoscaler.metrics.MetricWriter;
import dev.berth.autoscaler.metrics.Sample;
import dev.berth.autoscaler.metrics.SampleSet;
import dev.berth.autoscaler.metrics.StandardUnit;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What evaluating 10,000 standard alarms every minute costs, run by hand (its name is neither *Test nor *IT):
 * {@code flock /tmp/berth-tests.lock mvn -B -q -o -pl autoscaler-service -am verify
 * -Dtest=AlarmEvaluationBench -Dsurefire.failIfNoSpecifiedTests=false}. Two tenants of 5,000 alarms (the
 * per-tenant limit) on 500 metrics each with 1-minute data; it prints the CPU of this JVM
 * (the autoscaler) and of PostgreSQL over two minutes, idle first and then with the alarms, and checks
 * only that every alarm was evaluated.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AlarmEvaluationBench {

    private static final List<String> TENANTS = List.of("acme", "globex");
    private static final int ALARMS_PER_TENANT = 5000;
    private static final int METRICS_PER_TENANT = 500;
    private static final Duration MEASURED = Duration.ofMinutes(2);

    @Inject
    AlarmsService alarms;

    @Inject
    MetricWriter writer;

    @Inject
    Pool pool;

    @Test
    void tenThousandAlarmsAMinute() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String namespace = "Bench/" + run;
        Instant now = Instant.now();
        for (String tenant : TENANTS) {
            List<Sample> samples = new ArrayList<>();
            for (int m = 0; m < METRICS_PER_TENANT; m++) {
                // from ten minutes ago to the end of the measurement: every evaluation finds its periods filled
                for (int minute = -8; minute <= 10; minute++) {
                    samples.add(new Sample(tenant, key(namespace, m), now.minusSeconds(60L * minute), SampleSet.of(m % 100),
                            StandardUnit.PERCENT, false));
                }
            }
            writer.consume(List.of(new IncomingBatch(UUID.randomUUID().toString(), tenant, samples))).await().indefinitely();
        }
        Usage idle = measure("idle (metrics stored, no alarms)");

        long start = System.nanoTime();
        for (String tenant : TENANTS) {
            for (int a = 0; a < ALARMS_PER_TENANT; a++) {
                int metric = a % METRICS_PER_TENANT;
                alarms.putMetricAlarm(tenant, new PutMetricAlarmRequest("bench-" + run + "-" + a, null, null, null,
                        null, null, "CPUUtilization", namespace, "Average", null,
                        List.of(new Dimension("Task", "t" + metric)), 60, null, 3, null, (double) (a % 100),
                        "GreaterThanThreshold", "missing")).await().indefinitely();
            }
        }
        System.out.printf("BENCH %d alarms put in %.1f s%n", TENANTS.size() * ALARMS_PER_TENANT,
                (System.nanoTime() - start) / 1e9);
        Thread.sleep(Duration.ofSeconds(70).toMillis()); // every alarm has had its first evaluation
        Usage busy = measure("10,000 alarms every minute");
        System.out.printf("BENCH alarm evaluation costs %.1f %% of one core in the autoscaler, %.1f %% in PostgreSQL%n",
                busy.jvmPercent() - idle.jvmPercent(), busy.postgresPercent() - idle.postgresPercent());
        assertEquals(0L, pool.preparedQuery("SELECT count(*) AS n FROM metric_alarm WHERE alarm_name LIKE $1 "
                        + "AND state_value = 'INSUFFICIENT_DATA'").execute(Tuple.of("bench-" + run + "-%")).await().indefinitely()
                .iterator().next().getLong("n"), "every alarm was evaluated on its data");
    }

    private static MetricKey key(String namespace, int metric) {
        return new MetricKey(namespace, "CPUUtilization", List.of(new DimensionValue("Task", "t" + metric)));
    }

    private record Usage(double jvmPercent, double postgresPercent) {
    }

    private static Usage measure(String what) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long jvm = os.getProcessCpuTime();
        long postgres = postgresCpuTicks();
        long start = System.nanoTime();
        Thread.sleep(MEASURED.toMillis());
        double wall = System.nanoTime() - start;
        Usage usage = new Usage(100.0 * (os.getProcessCpuTime() - jvm) / wall,
                100.0 * (postgresCpuTicks() - postgres) * (1e9 / 100) / wall);
        System.out.printf("BENCH %s: autoscaler JVM %.1f %% of one core, PostgreSQL %.1f %%%n", what,
                usage.jvmPercent(), usage.postgresPercent());
        return usage;
    }

    /** utime + stime of every postgres process, in clock ticks (100 a second on Linux). */
    private static long postgresCpuTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }
}
