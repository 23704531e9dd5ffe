package dev.berth.scheduler.services;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings of services and their reconciliation. */
@ConfigMapping(prefix = "berth.scheduler.services")
public interface ServicesConfig {

    /** The most tasks a service may want; more is refused with a 400 naming desiredCount. */
    @WithDefault("5000")
    int maxDesiredCount();

    /**
     * How often the leading replica makes one pass over every service. Read by the schedule of
     * {@link ServiceLeader}, whose expression repeats this default.
     */
    @WithDefault("1s")
    Duration reconcileEvery();

    /** A service writes the same placement failure or warning event at most this often. */
    @WithDefault("60s")
    Duration placementEventEvery();
}
