-- A task's room is given back when it becomes STOPPED; last_status says so, a flag of its own was never read.
ALTER TABLE task DROP COLUMN released;
