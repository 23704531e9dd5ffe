package dev.berth.scheduler.tasks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the scheduler places and starts tasks. */
@ConfigMapping(prefix = "berth.scheduler.launch")
public interface LaunchSettings {

    /**
     * How many times a placement is tried on a state read afresh when another placement took the
     * room first (or PostgreSQL broke a lock cycle), before the launch fails.
     */
    @WithDefault("8")
    int attempts();

    /**
     * At most this many run-tasks of one cluster waiting for their turn are placed together in
     * one transaction (group commit); the rest go in the next group, so a transaction stays short.
     */
    @WithDefault("32")
    int groupSize();

    /**
     * A cluster's placement state kept in memory is read again from PostgreSQL once it is this old,
     * even without a change notification (one lost while the listener reconnected costs at most this).
     */
    @WithDefault("10s")
    Duration stateMaxAge();
}
