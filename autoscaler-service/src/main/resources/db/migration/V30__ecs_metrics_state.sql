-- What the ECS metrics job needs of each cluster, kept from berth.task-state, berth.host-state and the
-- agents' Berth/ECS points on berth.metrics, so that a restart loses nothing of a window not yet closed.

-- Tasks: the latest state change of each (a change never replaces a newer version). running_since /
-- running_until bound when it was RUNNING: its samples count in windows that overlap that time.
CREATE TABLE ecs_task (
    tenant              text        NOT NULL,
    cluster             text        NOT NULL,
    task_id             text        NOT NULL,
    service_name        text,
    family              text        NOT NULL,
    task_definition_arn text        NOT NULL,
    last_status         text        NOT NULL,
    desired_status      text        NOT NULL,
    version             bigint      NOT NULL,
    running_since       timestamptz,
    running_until       timestamptz,
    PRIMARY KEY (tenant, cluster, task_id)
);
CREATE INDEX ecs_task_ended ON ecs_task (running_until) WHERE running_until IS NOT NULL;

-- Hosts: status and capacity as of the latest event (by event time).
CREATE TABLE ecs_host (
    tenant            text        NOT NULL,
    cluster           text        NOT NULL,
    host_id           text        NOT NULL,
    status            text        NOT NULL,
    registered_cpu    integer     NOT NULL,
    registered_memory integer     NOT NULL,
    reserved_cpu      integer     NOT NULL,
    reserved_memory   integer     NOT NULL,
    event_time        timestamptz NOT NULL,
    PRIMARY KEY (tenant, cluster, host_id)
);

-- The agents' per-task samples of windows not closed yet; a sample delivered again is the same row.
CREATE TABLE ecs_task_sample (
    tenant          text             NOT NULL,
    cluster         text             NOT NULL,
    task_id         text             NOT NULL,
    at              timestamptz      NOT NULL,
    service_name    text,
    family          text             NOT NULL,
    cpu_utilized    double precision NOT NULL,
    cpu_reserved    double precision NOT NULL,
    memory_utilized double precision NOT NULL,
    memory_reserved double precision NOT NULL,
    PRIMARY KEY (tenant, cluster, task_id, at)
);
CREATE INDEX ecs_task_sample_at ON ecs_task_sample (at);

-- Per window length (seconds): every window that ends at or before closed_until is written.
CREATE TABLE ecs_window_cursor (
    window_seconds integer     PRIMARY KEY,
    closed_until   timestamptz NOT NULL
);
