package dev.berth.gateway.taskroles;

import java.util.List;

/** The tenant's task roles. */
public record TaskRoleList(List<TaskRole> taskRoles) {
}
