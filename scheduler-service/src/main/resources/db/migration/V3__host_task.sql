-- Hosts (ECS container instances), the commands queued for their agents, and tasks.
-- Capacity in use is kept on the host row and changed only by conditional updates, so no two
-- placements (two requests, two scheduler replicas) can take the same room.
CREATE TABLE host (
    tenant            text        NOT NULL,
    id                text        NOT NULL,
    cluster           text        NOT NULL,
    hostname          text,
    status            text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DRAINING', 'INACTIVE')),
    agent_connected   boolean     NOT NULL DEFAULT false,
    agent_version     text,
    connection_id     text,
    registered_at     timestamptz NOT NULL DEFAULT now(),
    last_heartbeat_at timestamptz,
    lost_at           timestamptz,
    deregistered_at   timestamptz,
    cpu               integer     NOT NULL,
    memory            integer     NOT NULL,
    used_cpu          integer     NOT NULL DEFAULT 0 CHECK (used_cpu >= 0),
    used_memory       integer     NOT NULL DEFAULT 0 CHECK (used_memory >= 0),
    reserved_ports    text[]      NOT NULL DEFAULT '{}',
    used_ports        text[]      NOT NULL DEFAULT '{}',
    attributes        jsonb       NOT NULL DEFAULT '{}',
    last_command_seq  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX host_by_cluster ON host (tenant, cluster);
CREATE INDEX host_by_heartbeat ON host (last_heartbeat_at) WHERE lost_at IS NULL AND status <> 'INACTIVE';

-- Commands not yet acknowledged by the host's agent, in sequence order.
CREATE TABLE host_command (
    tenant     text        NOT NULL,
    host_id    text        NOT NULL,
    seq        bigint      NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, host_id, seq)
);

CREATE TABLE task (
    tenant              text        NOT NULL,
    id                  text        NOT NULL,
    cluster             text        NOT NULL,
    host_id             text        NOT NULL,
    task_definition_arn text        NOT NULL,
    family              text        NOT NULL,
    grp                 text        NOT NULL,
    started_by          text,
    service_name        text,
    deployment_id       text,
    desired_status      text        NOT NULL,
    last_status         text        NOT NULL,
    health_status       text        NOT NULL DEFAULT 'UNKNOWN',
    stop_code           text,
    stopped_reason      text,
    cpu                 integer     NOT NULL,
    memory              integer     NOT NULL,
    host_ports          text[]      NOT NULL DEFAULT '{}',
    containers          jsonb       NOT NULL,
    overrides           jsonb,
    start_seq           bigint,
    released            boolean     NOT NULL DEFAULT false,
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    stopping_at         timestamptz,
    stopped_at          timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, id)
);
CREATE INDEX task_by_cluster ON task (tenant, cluster, created_at);
CREATE INDEX task_on_host ON task (tenant, host_id) WHERE last_status <> 'STOPPED';
CREATE INDEX task_of_service ON task (tenant, cluster, service_name) WHERE last_status <> 'STOPPED';

-- run-task's clientToken: the same token gives back the tasks of the first call.
CREATE TABLE run_task_request (
    tenant       text        NOT NULL,
    cluster      text        NOT NULL,
    client_token text        NOT NULL,
    request_hash text        NOT NULL,
    response     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, cluster, client_token)
);
