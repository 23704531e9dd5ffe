-- CloudWatch metric alarms and their history (DescribeAlarmHistory keeps two weeks).

CREATE TABLE metric_alarm (
    tenant                   text        NOT NULL,
    alarm_name               text        NOT NULL,
    -- PutMetricAlarm's values with the defaults applied, read back through AlarmRules
    definition               jsonb       NOT NULL,
    -- every action ARN of the three states, for DescribeAlarms' ActionPrefix
    actions                  text[]      NOT NULL,
    actions_enabled          boolean     NOT NULL,
    period                   integer     NOT NULL,
    state_value              text        NOT NULL,
    state_reason             text        NOT NULL,
    state_reason_data        text,
    state_updated_at         timestamptz NOT NULL,
    state_transitioned_at    timestamptz NOT NULL,
    configuration_updated_at timestamptz NOT NULL,
    next_evaluation_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant, alarm_name)
);

CREATE INDEX metric_alarm_due ON metric_alarm (next_evaluation_at);

CREATE TABLE alarm_history (
    id         bigserial   PRIMARY KEY,
    tenant     text        NOT NULL,
    alarm_name text        NOT NULL,
    ts         timestamptz NOT NULL,
    item_type  text        NOT NULL,
    summary    text        NOT NULL,
    data       text
);

CREATE INDEX alarm_history_by_alarm ON alarm_history (tenant, alarm_name, ts, id);
CREATE INDEX alarm_history_by_tenant ON alarm_history (tenant, ts, id);
CREATE INDEX alarm_history_age ON alarm_history (ts);
