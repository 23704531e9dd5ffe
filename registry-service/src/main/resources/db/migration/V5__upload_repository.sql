-- Open uploads are counted per tenant when a new one starts.
CREATE INDEX upload_repository ON upload (repository_id, expires_at);
