-- Task definitions: immutable revisions per tenant and family; the document is the user's JSON
-- as registered (ECS's shape), cpu and memory what placement reserves for one task.
CREATE TABLE task_definition (
    tenant          text        NOT NULL,
    family          text        NOT NULL,
    revision        integer     NOT NULL,
    status          text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    document        jsonb       NOT NULL,
    cpu             integer     NOT NULL,
    memory          integer     NOT NULL,
    registered_at   timestamptz NOT NULL DEFAULT now(),
    registered_by   text        NOT NULL,
    deregistered_at timestamptz,
    PRIMARY KEY (tenant, family, revision)
);
