-- Log groups and streams of each tenant (CloudWatch Logs' names and limits).
CREATE TABLE log_group (
    id              bigserial   PRIMARY KEY,
    tenant          text        NOT NULL,
    name            text        NOT NULL,
    -- null: never expire (CloudWatch's default)
    retention_days  int,
    tags            jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant, name)
);

CREATE TABLE log_stream (
    id               bigserial   PRIMARY KEY,
    tenant           text        NOT NULL,
    group_id         bigint      NOT NULL REFERENCES log_group (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- epoch milliseconds, as the API speaks them
    first_event_at   bigint,
    last_event_at    bigint,
    last_ingested_at bigint,
    UNIQUE (group_id, name)
);

-- The events. Partitioned first by the retention class the group had when they were written
-- (0 = never expire), then by UTC day, so retention drops whole day partitions of a class.
-- Rows carry no tenant: every read reaches them through a group or stream resolved under the
-- caller's tenant, and the column would cost 10 % of the table.
CREATE SEQUENCE log_event_seq CACHE 1000;

CREATE TABLE log_event (
    retention_days int    NOT NULL,
    ts             bigint NOT NULL,
    group_id       bigint NOT NULL,
    stream_id      bigint NOT NULL,
    seq            bigint NOT NULL DEFAULT nextval('log_event_seq'),
    ingested_at    bigint NOT NULL,
    message        text   NOT NULL
) PARTITION BY LIST (retention_days);

CREATE INDEX log_event_stream_time ON log_event (stream_id, ts, seq);
CREATE INDEX log_event_group_time ON log_event (group_id, ts, seq);

-- Bytes stored per group, retention class and day (message bytes + 26, as CloudWatch counts),
-- so a tenant's stored bytes is a sum over few rows and a dropped partition takes its rows along.
CREATE TABLE log_bytes (
    group_id       bigint NOT NULL REFERENCES log_group (id) ON DELETE CASCADE,
    retention_days int    NOT NULL,
    day            date   NOT NULL,
    bytes          bigint NOT NULL,
    events         bigint NOT NULL,
    PRIMARY KEY (group_id, retention_days, day)
);

-- Metric filters: matching events become data points on berth.metrics.
CREATE TABLE metric_filter (
    id               bigserial   PRIMARY KEY,
    tenant           text        NOT NULL,
    group_id         bigint      NOT NULL REFERENCES log_group (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    pattern          text        NOT NULL,
    transformations  jsonb       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (group_id, name)
);

-- Groups and streams deleted whose events are still to be removed (in the background, by id).
CREATE TABLE log_purge (
    id         bigserial   PRIMARY KEY,
    group_id   bigint      NOT NULL,
    stream_id  bigint,
    queued_at  timestamptz NOT NULL DEFAULT now()
);
