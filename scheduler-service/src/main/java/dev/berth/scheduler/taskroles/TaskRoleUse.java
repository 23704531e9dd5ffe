package dev.berth.scheduler.taskroles;

import dev.berth.common.error.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.PrincipalKind;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may give a task a role (IAM's PassRole): the role must be one of the caller's own tenant,
 * named by its name or its ARN, and a running task (a caller with a task token and
 * {@code api:deploy}) may pass on only its own role, never one with more scopes. The same rule
 * holds for a task definition's {@code taskRoleArn} at registration and for RunTask's and
 * StartTask's {@code overrides.taskRoleArn}, so an override cannot do what a registration may not.
 */
public final class TaskRoleUse {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ARN = Pattern.compile("arn:berth:iam::([a-z0-9][a-z0-9-]*):role/([\\w+=,.@-]{1,64})");

    private TaskRoleUse() {
    }

    /**
     * @param field the request field, e.g. {@code overrides.taskRoleArn}
     * @param role  the role's name or ARN; nothing to check when null
     * @throws ApiException 400 naming the field for a malformed role or one of another tenant; 403 for a task
     *                      passing on a role that is not its own
     */
    public static void require(String field, String role, Principal caller, String tenant) {
        if (role == null) {
            return;
        }
        String name;
        Matcher arn = ARN.matcher(role);
        if (arn.matches()) {
            if (!arn.group(1).equals(tenant)) {
                throw invalid(field, "'" + role + "' names a role of another tenant");
            }
            name = arn.group(2);
        } else if (NAME.matcher(role).matches()) {
            name = role;
        } else {
            throw invalid(field, "'" + role + "' is not a task role name or ARN (arn:berth:iam::" + tenant
                    + ":role/<name>)");
        }
        if (caller.kind() == PrincipalKind.TASK && !caller.taskRole().map(name::equals).orElse(false)) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, field + ": a task may pass on only its own role ("
                    + caller.taskRole().orElse("none") + "), not '" + name + "'");
        }
    }

    /** RunTask's {@code overrides.taskRoleArn}, if any. */
    public static String override(JsonNode overrides) {
        JsonNode role = overrides == null ? null : overrides.get("taskRoleArn");
        if (role == null || role.isNull()) {
            return null;
        }
        if (!role.isTextual()) {
            throw invalid("overrides.taskRoleArn", "a role name or ARN");
        }
        return role.asText();
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(ErrorCode.CLIENT, field, problem);
    }
}
