-- A repository's policy (IAM policy JSON as ECR takes it): who outside the tenant may pull or push.
CREATE TABLE repository_policy (
    repository_id bigint      PRIMARY KEY REFERENCES repository (id) ON DELETE CASCADE,
    policy_text   text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
