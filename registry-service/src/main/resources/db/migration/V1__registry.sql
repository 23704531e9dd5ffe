-- Image repositories, named <tenant>/<name>.
CREATE TABLE repository (
    id              bigserial   PRIMARY KEY,
    tenant          text        NOT NULL,
    name            text        NOT NULL UNIQUE,
    tag_mutability  text        NOT NULL DEFAULT 'MUTABLE' CHECK (tag_mutability IN ('MUTABLE', 'IMMUTABLE')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repository_tenant ON repository (tenant, name);

-- Blob content is stored once (content-addressed); this says it exists and how big it is.
CREATE TABLE blob (
    digest      text        PRIMARY KEY,
    size        bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A blob pushed to (or mounted into) a repository: only linked blobs can be read through it.
CREATE TABLE repository_blob (
    repository_id bigint      NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    digest        text        NOT NULL REFERENCES blob (digest),
    linked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (repository_id, digest)
);
CREATE INDEX repository_blob_digest ON repository_blob (digest);

-- Manifests (small JSON documents) are kept in the database itself.
CREATE TABLE manifest (
    repository_id  bigint      NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    digest         text        NOT NULL,
    media_type     text        NOT NULL,
    artifact_type  text,
    subject        text,
    size           bigint      NOT NULL,
    content        bytea       NOT NULL,
    pushed_at      timestamptz NOT NULL DEFAULT now(),
    last_pulled_at timestamptz,
    PRIMARY KEY (repository_id, digest)
);
CREATE INDEX manifest_subject ON manifest (repository_id, subject) WHERE subject IS NOT NULL;

-- What a manifest refers to: blobs (config, layers) and, for an index, other manifests.
CREATE TABLE manifest_reference (
    repository_id   bigint NOT NULL,
    manifest_digest text   NOT NULL,
    digest          text   NOT NULL,
    kind            text   NOT NULL CHECK (kind IN ('blob', 'manifest')),
    PRIMARY KEY (repository_id, manifest_digest, digest),
    FOREIGN KEY (repository_id, manifest_digest) REFERENCES manifest (repository_id, digest) ON DELETE CASCADE
);
CREATE INDEX manifest_reference_digest ON manifest_reference (digest);

CREATE TABLE tag (
    repository_id   bigint      NOT NULL,
    name            text        NOT NULL,
    manifest_digest text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (repository_id, name),
    FOREIGN KEY (repository_id, manifest_digest) REFERENCES manifest (repository_id, digest) ON DELETE CASCADE
);

-- Upload sessions; the bytes are in the blob store's upload area.
CREATE TABLE upload (
    id            uuid        PRIMARY KEY,
    repository_id bigint      NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    started_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
