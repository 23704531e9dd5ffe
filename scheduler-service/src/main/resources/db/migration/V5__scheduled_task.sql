-- Scheduled tasks: an EventBridge-style rule (cron or rate, in a time zone) whose target is RunTask.
CREATE TABLE scheduled_task (
    tenant              text        NOT NULL,
    cluster             text        NOT NULL,
    name                text        NOT NULL,
    schedule_expression text        NOT NULL,
    timezone            text        NOT NULL DEFAULT 'UTC',
    state               text        NOT NULL CHECK (state IN ('ENABLED', 'DISABLED')),
    run_task            jsonb       NOT NULL,
    anchor              timestamptz NOT NULL DEFAULT now(),
    next_run_at         timestamptz,
    last_run_at         timestamptz,
    last_result         jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, cluster, name)
);
CREATE INDEX scheduled_task_due ON scheduled_task (next_run_at) WHERE state = 'ENABLED';
