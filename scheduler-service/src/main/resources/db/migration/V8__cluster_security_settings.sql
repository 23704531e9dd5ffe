-- What a platform operator lets a cluster's tasks do beyond the default: privileged containers
-- (and added Linux capabilities) and the host's network. Off unless an operator turns them on.
ALTER TABLE cluster
    ADD COLUMN allow_privileged_containers boolean NOT NULL DEFAULT false,
    ADD COLUMN allow_host_network          boolean NOT NULL DEFAULT false;
