package dev.berth.common.schedule;

/**
 * Who reads a schedule expression: which forms it takes and what its fields are called, so an
 * error names the caller's own field.
 */
public enum ScheduleSyntax {
    /** An EventBridge rule (scheduled tasks): {@code rate(...)} or {@code cron(...)}. */
    EVENT_BRIDGE_RULE("scheduleExpression", "scheduleExpressionTimezone", false),
    /** An Application Auto Scaling scheduled action: also {@code at(yyyy-mm-ddThh:mm:ss)}. */
    SCHEDULED_ACTION("Schedule", "Timezone", true);

    private final String expressionField;
    private final String timezoneField;
    private final boolean takesAt;

    ScheduleSyntax(String expressionField, String timezoneField, boolean takesAt) {
        this.expressionField = expressionField;
        this.timezoneField = timezoneField;
        this.takesAt = takesAt;
    }

    public String expressionField() {
        return expressionField;
    }

    public String timezoneField() {
        return timezoneField;
    }

    public boolean takesAt() {
        return takesAt;
    }
}
