-- What the host's agent says is bound on its machine besides its own tasks (other agents' tasks
-- on the same machine, the machine's services), and the range its dynamic host ports come from
-- (ECS's by default; agents sharing a machine get disjoint ones). Placement takes neither.
ALTER TABLE host ADD COLUMN bound_ports text[] NOT NULL DEFAULT '{}',
                 ADD COLUMN dynamic_port_first int NOT NULL DEFAULT 49153,
                 ADD COLUMN dynamic_port_last int NOT NULL DEFAULT 65535;

-- as in V7, plus these columns: placement views held in memory must see them change
DROP TRIGGER host_changed ON host;
CREATE TRIGGER host_changed AFTER UPDATE ON host
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
        OR OLD.agent_connected IS DISTINCT FROM NEW.agent_connected
        OR OLD.agent_version IS DISTINCT FROM NEW.agent_version
        OR OLD.cpu IS DISTINCT FROM NEW.cpu OR OLD.memory IS DISTINCT FROM NEW.memory
        OR OLD.used_cpu IS DISTINCT FROM NEW.used_cpu OR OLD.used_memory IS DISTINCT FROM NEW.used_memory
        OR OLD.used_ports IS DISTINCT FROM NEW.used_ports OR OLD.attributes IS DISTINCT FROM NEW.attributes
        OR OLD.bound_ports IS DISTINCT FROM NEW.bound_ports
        OR OLD.dynamic_port_first IS DISTINCT FROM NEW.dynamic_port_first
        OR OLD.dynamic_port_last IS DISTINCT FROM NEW.dynamic_port_last)
    EXECUTE FUNCTION placement_changed();
