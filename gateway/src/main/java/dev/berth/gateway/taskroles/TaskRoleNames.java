package dev.berth.gateway.taskroles;

import dev.berth.common.auth.TaskScope;
import dev.berth.gateway.iam.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names, ARNs and scope lists of task roles, checked the way IAM checks role names. */
final class TaskRoleNames {

    static final int MAX_SCOPES = 50;
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ARN = Pattern.compile("arn:berth:iam::([a-z0-9][a-z0-9-]*):role/([\\w+=,.@-]{1,64})");

    private TaskRoleNames() {
    }

    static String arn(String tenant, String name) {
        return "arn:berth:iam::" + tenant + ":role/" + name;
    }

    static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw Validation.invalid(field, "must be 1-64 characters of letters, digits and +=,.@_-");
        }
        return value;
    }

    /** A role named by its name or by its ARN; an ARN must be of {@code tenant}. */
    static String nameOrArn(String field, String value, String tenant) {
        if (value != null && value.startsWith("arn:")) {
            Matcher m = ARN.matcher(value);
            if (!m.matches()) {
                throw Validation.invalid(field, "is not a task role ARN (arn:berth:iam::<tenant>:role/<name>)");
            }
            if (!m.group(1).equals(tenant)) {
                throw Validation.invalid(field, "names a role of another tenant");
            }
            return m.group(2);
        }
        return name(field, value);
    }

    static List<String> scopes(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw Validation.invalid("scopes", "must list at least one scope");
        }
        if (values.size() > MAX_SCOPES) {
            throw Validation.invalid("scopes", "may list at most " + MAX_SCOPES + " scopes");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                scopes.add(TaskScope.parse(values.get(i)).toString());
            } catch (IllegalArgumentException e) {
                throw Validation.invalid("scopes[" + i + "]", "is invalid: " + e.getMessage());
            }
        }
        return new ArrayList<>(scopes);
    }

    static String description(String value) {
        String description = Optional.ofNullable(value).orElse("");
        if (description.length() > 1000) {
            throw Validation.invalid("description", "must be at most 1000 characters");
        }
        return description;
    }
}
