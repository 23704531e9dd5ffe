-- Bytes an upload session holds so far: a tenant's open uploads count against its storage quota.
ALTER TABLE upload ADD COLUMN received bigint NOT NULL DEFAULT 0;
