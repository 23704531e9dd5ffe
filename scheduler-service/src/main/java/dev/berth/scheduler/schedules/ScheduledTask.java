package dev.berth.scheduler.schedules;

import dev.berth.common.schedule.ScheduleExpression;
import dev.berth.common.schedule.ScheduleSyntax;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** A rule that runs tasks on a schedule: its expression, time zone, state and the RunTask it makes. */
public record ScheduledTask(String tenant, String cluster, String name, String scheduleExpression, String timezone,
                            ScheduleState state, JsonNode runTask, Instant anchor, Instant nextRunAt, Instant lastRunAt,
                            JsonNode lastResult, Instant createdAt) {

    public ScheduleExpression schedule() {
        return ScheduleExpression.parse(scheduleExpression, anchor, ScheduleSyntax.EVENT_BRIDGE_RULE);
    }

    /** The next {@code count} runs after {@code now}, in the rule's time zone (none while DISABLED). */
    public List<ZonedDateTime> nextRuns(Instant now, int count) {
        return state == ScheduleState.ENABLED ? schedule().next(now.atZone(zone()), count) : List.of();
    }

    /** The rule's time zone (UTC when it names none). */
    public ZoneId zone() {
        return ScheduleExpression.zone(timezone, ScheduleSyntax.EVENT_BRIDGE_RULE);
    }

    public String arn() {
        return "arn:berth:events::" + tenant + ":rule/" + cluster + "/" + name;
    }
}
