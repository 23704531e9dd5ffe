package dev.berth.scheduler.schedules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings of scheduled tasks. */
@ConfigMapping(prefix = "berth.scheduler.schedules")
public interface SchedulesConfig {

    /**
     * How often due rules are looked for (and so how late a run may start). Read by the schedule
     * of {@link ScheduledTaskRunner}, whose expression repeats this default.
     */
    @WithDefault("1s")
    Duration pollEvery();

    /** The most due rules one look runs; the rest run at the next. */
    @WithDefault("20")
    int rulesPerPoll();

    /** How many next run times a rule shows. */
    @WithDefault("5")
    int shownNextRuns();
}
