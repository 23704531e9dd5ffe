-- Scaling actions of the autoscaler this scheduler applied, by action id: a redelivered action
-- is answered again with its outcome instead of being applied twice. Kept a week.
CREATE TABLE applied_scaling_action (
    tenant      text        NOT NULL,
    action_id   text        NOT NULL,
    resource_id text        NOT NULL,
    outcome     jsonb       NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, action_id)
);
CREATE INDEX applied_scaling_action_age ON applied_scaling_action (applied_at);
