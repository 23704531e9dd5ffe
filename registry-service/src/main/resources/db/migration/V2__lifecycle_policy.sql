-- A repository's ECR lifecycle policy (its JSON text, as the user wrote it) and the last preview asked for.
CREATE TABLE lifecycle_policy (
    repository_id     bigint      PRIMARY KEY REFERENCES repository (id) ON DELETE CASCADE,
    policy_text       text        NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    last_evaluated_at timestamptz
);

CREATE TABLE lifecycle_preview (
    repository_id bigint      PRIMARY KEY REFERENCES repository (id) ON DELETE CASCADE,
    policy_text   text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now()
);
