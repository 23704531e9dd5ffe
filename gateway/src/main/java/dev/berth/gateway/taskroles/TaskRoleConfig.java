package dev.berth.gateway.taskroles;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the tokens running tasks get for their roles. */
@ConfigMapping(prefix = "berth.iam")
public interface TaskRoleConfig {

    /** How long a task's role token lives; the host agent fetches a new one before it expires. */
    @WithDefault("PT15M")
    Duration taskTokenLifespan();
}
