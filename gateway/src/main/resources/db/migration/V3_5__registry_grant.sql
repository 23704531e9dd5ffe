-- What a token handed out by /v2/token for a login was granted (docs/security.md): such a token
-- reaches only these repositories and actions, and no management API. Keyed by the token's
-- SHA-256; rows live as long as their token.
CREATE TABLE registry_grant (
    token_sha256 text        PRIMARY KEY,
    subject      text        NOT NULL,
    grants       text[]      NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX registry_grant_expiry ON registry_grant (expires_at);
