-- ECS services, their deployments and their event messages.
CREATE TABLE service (
    tenant                      text        NOT NULL,
    cluster                     text        NOT NULL,
    name                        text        NOT NULL,
    status                      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DRAINING', 'INACTIVE')),
    scheduling_strategy         text        NOT NULL CHECK (scheduling_strategy IN ('REPLICA', 'DAEMON')),
    desired_count               integer     NOT NULL CHECK (desired_count >= 0),
    task_definition_arn         text        NOT NULL,
    minimum_healthy_percent     integer     NOT NULL,
    maximum_percent             integer     NOT NULL,
    circuit_breaker_enable      boolean     NOT NULL DEFAULT false,
    circuit_breaker_rollback    boolean     NOT NULL DEFAULT false,
    placement_constraints       jsonb       NOT NULL DEFAULT '[]',
    placement_strategy          jsonb       NOT NULL DEFAULT '[]',
    health_check_grace_seconds  integer     NOT NULL DEFAULT 0,
    steady                      boolean     NOT NULL DEFAULT false,
    last_placement_failure      text,
    last_placement_failure_at   timestamptz,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    created_by                  text,
    deleted_at                  timestamptz,
    PRIMARY KEY (tenant, cluster, name)
);
CREATE INDEX service_live ON service (status) WHERE status <> 'INACTIVE';

CREATE TABLE deployment (
    tenant               text        NOT NULL,
    id                   text        NOT NULL,
    cluster              text        NOT NULL,
    service_name         text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('PRIMARY', 'ACTIVE', 'INACTIVE')),
    task_definition_arn  text        NOT NULL,
    rollout_state        text        NOT NULL DEFAULT 'IN_PROGRESS',
    rollout_state_reason text,
    failed_tasks         integer     NOT NULL DEFAULT 0,
    rollback_of          text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, id)
);
CREATE INDEX deployment_of_service ON deployment (tenant, cluster, service_name, created_at);

CREATE TABLE service_event (
    tenant       text        NOT NULL,
    cluster      text        NOT NULL,
    service_name text        NOT NULL,
    id           text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    message      text        NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX service_event_recent ON service_event (tenant, cluster, service_name, created_at DESC);
