-- Application Auto Scaling: scalable targets, their scheduled actions and their scaling activities.

CREATE TABLE scalable_target (
    tenant                      text        NOT NULL,
    service_namespace           text        NOT NULL,
    resource_id                 text        NOT NULL,
    scalable_dimension          text        NOT NULL,
    arn                         text        NOT NULL,
    min_capacity                integer     NOT NULL,
    max_capacity                integer     NOT NULL,
    dynamic_scaling_in_suspended  boolean   NOT NULL DEFAULT false,
    dynamic_scaling_out_suspended boolean   NOT NULL DEFAULT false,
    scheduled_scaling_suspended   boolean   NOT NULL DEFAULT false,
    -- the service's desired count as last known: read from the scheduler at registration, then taken
    -- from every outcome of a scaling action (berth.scaling-results)
    known_desired_count         integer,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, service_namespace, resource_id, scalable_dimension)
);

CREATE TABLE scheduled_action (
    tenant                text        NOT NULL,
    service_namespace     text        NOT NULL,
    resource_id           text        NOT NULL,
    scalable_dimension    text        NOT NULL,
    name                  text        NOT NULL,
    arn                   text        NOT NULL,
    schedule              text        NOT NULL,
    timezone              text        NOT NULL,
    start_time            timestamptz,
    end_time              timestamptz,
    min_capacity          integer,
    max_capacity          integer,
    created_at            timestamptz NOT NULL,
    -- null once no run is left (an at() that ran, or past EndTime)
    next_run_at           timestamptz,
    PRIMARY KEY (tenant, service_namespace, resource_id, scalable_dimension, name),
    FOREIGN KEY (tenant, service_namespace, resource_id, scalable_dimension)
        REFERENCES scalable_target (tenant, service_namespace, resource_id, scalable_dimension) ON DELETE CASCADE
);

CREATE INDEX scheduled_action_due ON scheduled_action (next_run_at) WHERE next_run_at IS NOT NULL;

CREATE TABLE scaling_activity (
    activity_id           uuid        PRIMARY KEY,
    tenant                text        NOT NULL,
    service_namespace     text        NOT NULL,
    resource_id           text        NOT NULL,
    scalable_dimension    text        NOT NULL,
    description           text        NOT NULL,
    cause                 text        NOT NULL,
    start_time            timestamptz NOT NULL,
    end_time              timestamptz,
    status_code           text        NOT NULL,
    status_message        text,
    details               text,
    not_scaled_reasons    jsonb,
    -- a capacity change: what the scaling action asks, re-sent while no outcome came
    desired_count         integer,
    min_capacity          integer,
    max_capacity          integer,
    scale_in              boolean,
    sent_at               timestamptz
);

CREATE INDEX scaling_activity_by_target ON scaling_activity (tenant, service_namespace, resource_id, start_time DESC, activity_id);
CREATE INDEX scaling_activity_open ON scaling_activity (sent_at) WHERE status_code IN ('Pending', 'InProgress');
CREATE INDEX scaling_activity_age ON scaling_activity (start_time);
