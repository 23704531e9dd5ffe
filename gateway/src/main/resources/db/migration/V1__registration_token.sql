-- One-time (or few-times) tokens a tenant admin creates so host agents can register with a
-- cluster. Only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE registration_token (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    cluster     text        NOT NULL,
    token_hash  text        NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    max_uses    integer     NOT NULL CHECK (max_uses > 0),
    uses        integer     NOT NULL DEFAULT 0 CHECK (uses >= 0),
    revoked     boolean     NOT NULL DEFAULT false,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX registration_token_tenant ON registration_token (tenant, created_at);
