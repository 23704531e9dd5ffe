-- Task roles a tenant defines: a name and the scopes a task running with it gets.
CREATE TABLE task_role (
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    scopes      text[]      NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, name)
);

-- Which host runs a task with which role, so only that host gets the task's token. The
-- credentials themselves live in Keycloak, in the task's own client.
CREATE TABLE task_credential (
    task_id     text        PRIMARY KEY,
    tenant      text        NOT NULL,
    task_role   text        NOT NULL,
    cluster     text        NOT NULL,
    host_id     text        NOT NULL,
    client_id   text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant, task_role) REFERENCES task_role (tenant, name)
);

CREATE INDEX task_credential_role ON task_credential (tenant, task_role);
