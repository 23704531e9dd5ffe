package dev.berth.gateway.taskroles;

import dev.berth.gateway.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Task roles and the bindings of running tasks to them; every query is scoped by tenant. */
@ApplicationScoped
public class TaskRoleRepository {

    private static final String ROLE_COLUMNS = "tenant, name, description, scopes, created_by, created_at, updated_at";
    private static final String BINDING_COLUMNS = "task_id, tenant, task_role, cluster, host_id, client_id";

    @Inject
    Jdbc jdbc;

    /** @return false when the tenant already has a role of that name */
    public boolean insert(String tenant, String name, String description, List<String> scopes, String createdBy) {
        return jdbc.update("INSERT INTO task_role (tenant, name, description, scopes, created_by) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, tenant);
            ps.setString(2, name);
            ps.setString(3, description);
            ps.setArray(4, ps.getConnection().createArrayOf("text", scopes.toArray()));
            ps.setString(5, createdBy);
        }) == 1;
    }

    public boolean update(String tenant, String name, String description, List<String> scopes) {
        return jdbc.update("UPDATE task_role SET description = ?, scopes = ?, updated_at = now() "
                + "WHERE tenant = ? AND name = ?", ps -> {
            ps.setString(1, description);
            ps.setArray(2, ps.getConnection().createArrayOf("text", scopes.toArray()));
            ps.setString(3, tenant);
            ps.setString(4, name);
        }) == 1;
    }

    public Optional<TaskRole> find(String tenant, String name) {
        return jdbc.one("SELECT " + ROLE_COLUMNS + " FROM task_role WHERE tenant = ? AND name = ?", ps -> {
            ps.setString(1, tenant);
            ps.setString(2, name);
        }, TaskRoleRepository::role);
    }

    public List<TaskRole> list(String tenant) {
        return jdbc.list("SELECT " + ROLE_COLUMNS + " FROM task_role WHERE tenant = ? ORDER BY name",
                ps -> ps.setString(1, tenant), TaskRoleRepository::role);
    }

    /** @return false when it does not exist or running tasks still use it (see {@link #bindings}) */
    public boolean delete(String tenant, String name) {
        return jdbc.update("DELETE FROM task_role r WHERE tenant = ? AND name = ? AND NOT EXISTS "
                + "(SELECT 1 FROM task_credential c WHERE c.tenant = r.tenant AND c.task_role = r.name)", ps -> {
            ps.setString(1, tenant);
            ps.setString(2, name);
        }) == 1;
    }

    /** @return false when the task is bound already */
    public boolean bind(TaskBinding binding) {
        return jdbc.update("INSERT INTO task_credential (" + BINDING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, binding.taskId());
            ps.setString(2, binding.tenant());
            ps.setString(3, binding.taskRole());
            ps.setString(4, binding.cluster());
            ps.setString(5, binding.hostId());
            ps.setString(6, binding.clientId());
        }) == 1;
    }

    public Optional<TaskBinding> binding(String taskId) {
        return jdbc.one("SELECT " + BINDING_COLUMNS + " FROM task_credential WHERE task_id = ?",
                ps -> ps.setString(1, taskId), TaskRoleRepository::binding);
    }

    public List<TaskBinding> bindings(String tenant, String taskRole) {
        return jdbc.list("SELECT " + BINDING_COLUMNS + " FROM task_credential WHERE tenant = ? AND task_role = ?",
                ps -> {
                    ps.setString(1, tenant);
                    ps.setString(2, taskRole);
                }, TaskRoleRepository::binding);
    }

    public void unbind(String taskId) {
        jdbc.update("DELETE FROM task_credential WHERE task_id = ?", ps -> ps.setString(1, taskId));
    }

    private static TaskRole role(ResultSet rs) throws SQLException {
        String tenant = rs.getString(1);
        String name = rs.getString(2);
        return new TaskRole(name, TaskRoleNames.arn(tenant, name), rs.getString(3),
                Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
    }

    private static TaskBinding binding(ResultSet rs) throws SQLException {
        return new TaskBinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }
}
