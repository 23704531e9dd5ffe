package dev.berth.scheduler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.scheduler.schedules.SchedulesConfig;
import dev.berth.scheduler.services.ServicesConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's settings: their defaults are the numbers the scheduler always had, and each can be set. */
class SchedulerConfigTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "1s", as the service reads it
                .withMapping(ServicesConfig.class).withMapping(SchedulesConfig.class)
                .build();
    }

    @Test
    void defaultsAreTheFormerNumbers() {
        SmallRyeConfig config = config(Map.of());
        ServicesConfig services = config.getConfigMapping(ServicesConfig.class);
        assertEquals(5000, services.maxDesiredCount());
        assertEquals(Duration.ofSeconds(1), services.reconcileEvery());
        assertEquals(Duration.ofSeconds(60), services.placementEventEvery());
        SchedulesConfig schedules = config.getConfigMapping(SchedulesConfig.class);
        assertEquals(Duration.ofSeconds(1), schedules.pollEvery());
        assertEquals(20, schedules.rulesPerPoll());
        assertEquals(5, schedules.shownNextRuns());
    }

    @Test
    void eachCanBeSet() {
        SmallRyeConfig config = config(Map.of("berth.scheduler.services.max-desired-count", "12",
                "berth.scheduler.services.placement-event-every", "5m", "berth.scheduler.schedules.rules-per-poll", "50",
                "berth.scheduler.schedules.shown-next-runs", "3"));
        assertEquals(12, config.getConfigMapping(ServicesConfig.class).maxDesiredCount());
        assertEquals(Duration.ofMinutes(5), config.getConfigMapping(ServicesConfig.class).placementEventEvery());
        assertEquals(50, config.getConfigMapping(SchedulesConfig.class).rulesPerPoll());
        assertEquals(3, config.getConfigMapping(SchedulesConfig.class).shownNextRuns());
    }
}
