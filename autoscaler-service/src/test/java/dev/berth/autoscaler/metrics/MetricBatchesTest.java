package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void readsAnAgentsBatchAsTheSchedulerForwardsIt() throws Exception {
        String record = """
                {"type":"MetricBatch","version":1,"id":"host-1/metrics/7/3","tenant":"acme","time":"2026-06-01T11:59:59Z",
                 "detail":{"cluster":"default","hostId":"host-1","datapoints":[
                   {"namespace":"Berth/ECS","name":"CPUUtilization","dimensions":{"TaskId":"t1","ClusterName":"default"},
                    "value":42.5,"unit":"Percent","timestamp":"2026-06-01T11:59:50Z"},
                   {"namespace":"AWS/ECS","name":"MemoryUtilization","dimensions":{},"value":10,"unit":"Percent",
                    "timestamp":1780315190.5},
                   {"namespace":"Berth/ECS","name":"Bad","dimensions":{},"value":"NaN","unit":"None",
                    "timestamp":"2026-06-01T11:59:50Z"}]}}""";
        MetricBatches.Parsed parsed = MetricBatches.parse(JSON.readTree(record), NOW).orElseThrow();
        assertEquals("host-1/metrics/7/3", parsed.batch().id());
        assertEquals(1, parsed.skipped());
        List<Sample> samples = parsed.batch().samples();
        assertEquals(2, samples.size());
        Sample cpu = samples.getFirst();
        assertEquals(new MetricKey("Berth/ECS", "CPUUtilization", List.of(new DimensionValue("ClusterName", "default"),
                new DimensionValue("TaskId", "t1"))), cpu.key());
        assertEquals(SampleSet.of(42.5), cpu.set());
        assertEquals(StandardUnit.PERCENT, cpu.unit());
        assertEquals(Instant.parse("2026-06-01T11:59:50Z"), cpu.timestamp());
        assertEquals("acme", cpu.tenant());
        assertEquals("AWS/ECS", samples.get(1).key().namespace(), "the platform's producers may write AWS/");
        assertEquals(Instant.ofEpochSecond(1780315190, 500_000_000), samples.get(1).timestamp());
    }

    @Test
    void otherRecordsAreNotBatches() throws Exception {
        assertTrue(MetricBatches.parse(JSON.readTree("{\"type\":\"Heartbeat\",\"id\":\"x\",\"tenant\":\"t\"}"), NOW).isEmpty());
        assertTrue(MetricBatches.parse(JSON.readTree("{\"type\":\"MetricBatch\",\"id\":\"x\"}"), NOW).isEmpty());
    }
}
