package dev.berth.gateway.taskroles;

import java.util.List;

/** Body of creating (name required) or replacing (name from the path) a task role. */
public record TaskRoleRequest(String name, String description, List<String> scopes) {
}
