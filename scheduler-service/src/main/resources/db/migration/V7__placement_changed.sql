-- Schedulers keep each cluster's placement view (hosts, what they have left, task groups) in
-- memory. These triggers tell every replica when something that view holds has changed, at
-- commit. A placement names its replica in berth.placer, so that replica, which already holds
-- the change, can ignore its own notification.
CREATE FUNCTION placement_changed() RETURNS trigger AS $$
DECLARE
    changed record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    PERFORM pg_notify('berth_placement', changed.tenant || '/' || changed.cluster || '/'
        || coalesce(current_setting('berth.placer', true), ''));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER host_joined_or_left AFTER INSERT OR DELETE ON host
    FOR EACH ROW EXECUTE FUNCTION placement_changed();

-- heartbeats change none of these, so they notify no one
CREATE TRIGGER host_changed AFTER UPDATE ON host
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
        OR OLD.agent_connected IS DISTINCT FROM NEW.agent_connected
        OR OLD.agent_version IS DISTINCT FROM NEW.agent_version
        OR OLD.cpu IS DISTINCT FROM NEW.cpu OR OLD.memory IS DISTINCT FROM NEW.memory
        OR OLD.used_cpu IS DISTINCT FROM NEW.used_cpu OR OLD.used_memory IS DISTINCT FROM NEW.used_memory
        OR OLD.used_ports IS DISTINCT FROM NEW.used_ports OR OLD.attributes IS DISTINCT FROM NEW.attributes)
    EXECUTE FUNCTION placement_changed();

-- a task counts in its group's placement until it is STOPPED
CREATE TRIGGER task_stopped_or_started AFTER UPDATE ON task
    FOR EACH ROW WHEN ((OLD.last_status = 'STOPPED') IS DISTINCT FROM (NEW.last_status = 'STOPPED'))
    EXECUTE FUNCTION placement_changed();
