-- Attributes a tenant admin set with PutAttributes, kept apart from what the host's agent
-- reports: on every hello the host's attributes become the agent's report with these on top, so
-- an admin's value wins over the agent's and survives reconnects. berth.* names are never here
-- (only the platform's agent sets them). Rows from before: every custom attribute was an admin's.
ALTER TABLE host ADD COLUMN admin_attributes jsonb NOT NULL DEFAULT '{}';
UPDATE host SET admin_attributes = (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
                                    FROM jsonb_each(attributes) WHERE key NOT LIKE 'berth.%');
