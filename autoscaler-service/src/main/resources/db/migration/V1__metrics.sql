-- Metrics (CloudWatch-like): one row per tenant, namespace, name and dimension set. The dimensions are
-- kept sorted by name; dims_hash is the SHA-256 of that canonical form, so the same metric is one row
-- however its dimensions were ordered, and the unique key stays small with 30 long dimensions.
CREATE TABLE metric (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant     text        NOT NULL,
    namespace  text        NOT NULL,
    name       text        NOT NULL,
    dims_hash  text        NOT NULL,
    dimensions jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant, namespace, name, dims_hash)
);
-- ListMetrics' dimension filters (containment of {"Name": .., "Value": ..})
CREATE INDEX metric_dimensions ON metric USING gin (dimensions jsonb_path_ops);

-- Data points as statistic sets, one table per resolution, one row per metric, bucket start and unit.
-- datapoint_1s: high-resolution data, 3 hours; datapoint_1m: 15 days; datapoint_5m: 63 days;
-- datapoint_1h: 455 days. 5-minute and 1-hour sets are rolled up from the finer table: a row whose
-- set changed since it was last rolled up has rolled = false, and the job recomputes its bucket.
CREATE TABLE datapoint_1s (
    metric_id    bigint           NOT NULL,
    ts           timestamptz      NOT NULL,
    unit         smallint         NOT NULL,
    sample_count double precision NOT NULL,
    sum          double precision NOT NULL,
    minimum      double precision NOT NULL,
    maximum      double precision NOT NULL,
    PRIMARY KEY (metric_id, ts, unit)
);
CREATE INDEX datapoint_1s_ts ON datapoint_1s USING brin (ts);

CREATE TABLE datapoint_1m (
    metric_id    bigint           NOT NULL,
    ts           timestamptz      NOT NULL,
    unit         smallint         NOT NULL,
    sample_count double precision NOT NULL,
    sum          double precision NOT NULL,
    minimum      double precision NOT NULL,
    maximum      double precision NOT NULL,
    rolled       boolean          NOT NULL DEFAULT false,
    PRIMARY KEY (metric_id, ts, unit)
);
CREATE INDEX datapoint_1m_ts ON datapoint_1m USING brin (ts);
CREATE INDEX datapoint_1m_pending ON datapoint_1m (ts) WHERE NOT rolled;

CREATE TABLE datapoint_5m (
    metric_id    bigint           NOT NULL,
    ts           timestamptz      NOT NULL,
    unit         smallint         NOT NULL,
    sample_count double precision NOT NULL,
    sum          double precision NOT NULL,
    minimum      double precision NOT NULL,
    maximum      double precision NOT NULL,
    rolled       boolean          NOT NULL DEFAULT false,
    PRIMARY KEY (metric_id, ts, unit)
);
CREATE INDEX datapoint_5m_ts ON datapoint_5m USING brin (ts);
CREATE INDEX datapoint_5m_pending ON datapoint_5m (ts) WHERE NOT rolled;

CREATE TABLE datapoint_1h (
    metric_id    bigint           NOT NULL,
    ts           timestamptz      NOT NULL,
    unit         smallint         NOT NULL,
    sample_count double precision NOT NULL,
    sum          double precision NOT NULL,
    minimum      double precision NOT NULL,
    maximum      double precision NOT NULL,
    PRIMARY KEY (metric_id, ts, unit)
);
CREATE INDEX datapoint_1h_ts ON datapoint_1h USING brin (ts);
