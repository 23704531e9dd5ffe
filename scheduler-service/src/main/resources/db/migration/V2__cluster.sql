-- ECS clusters per tenant. A deleted cluster stays as INACTIVE (describable, as in ECS) until a
-- cluster of the same name is created again.
CREATE TABLE cluster (
    tenant     text        NOT NULL,
    name       text        NOT NULL,
    status     text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (tenant, name)
);
