-- When a blob was last written or linked: garbage collection leaves blobs alone for a grace
-- period after that, so a push that has uploaded layers but not yet its manifest keeps them.
ALTER TABLE blob ADD COLUMN touched_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX blob_touched_at ON blob (touched_at);
CREATE INDEX upload_expires_at ON upload (expires_at);
