package dev.berth.scheduler.schedules;

/** EventBridge's rule states: an ENABLED rule runs, a DISABLED one waits. */
public enum ScheduleState {
    ENABLED, DISABLED
}
