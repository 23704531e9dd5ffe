-- Credentials the gateway must still take away: a stopped task's role client, a deregistered
-- host's client. A row stays until the gateway confirmed; a failed call is tried again with a
-- growing delay (next_attempt_at), on whichever replica picks the row first.
CREATE TABLE pending_revocation (
    kind            text        NOT NULL CHECK (kind IN ('TASK_CREDENTIALS', 'HOST_CREDENTIALS')),
    tenant          text        NOT NULL,
    subject_id      text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, tenant, subject_id)
);
CREATE INDEX pending_revocation_due ON pending_revocation (next_attempt_at);
