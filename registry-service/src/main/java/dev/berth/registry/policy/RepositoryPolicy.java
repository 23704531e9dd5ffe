package dev.berth.registry.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.PrincipalKind;
import dev.berth.common.auth.RegistryAccess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECR repository policy (IAM policy JSON) as far as Berth applies it: Allow and Deny
 * statements naming principals of other tenants ({@code arn:berth:iam::<tenant>:root}, a
 * service account {@code arn:berth:iam::<tenant>:service-account/<name>}, a user
 * {@code arn:berth:iam::<tenant>:user/<name>}, or {@code *}) and ECR actions, which map to pull
 * and push. A Deny wins over an Allow.
 */
public record RepositoryPolicy(List<Statement> statements) {

    /** One statement: allow or deny these principals these registry actions. */
    public record Statement(boolean allow, List<String> principals, Set<String> actions) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PRINCIPAL =
            Pattern.compile("arn:berth:iam::([a-z0-9][a-z0-9-]*):(root|service-account/[a-z0-9][a-z0-9._-]*|user/[^/\\s]+)");
    private static final Set<String> PULL_ACTIONS = Set.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages", "ecr:ListImages");
    private static final Set<String> PUSH_ACTIONS = Set.of("ecr:PutImage", "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart", "ecr:CompleteLayerUpload");

    /** ECR's limit on a repository policy's text. */
    public static final int MAX_TEXT_LENGTH = 10_240;

    /** @throws InvalidPolicyException naming the statement and field that is wrong */
    public static RepositoryPolicy parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidPolicyException("policyText must be at most " + MAX_TEXT_LENGTH + " characters, was "
                    + text.length() + ".");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new InvalidPolicyException("Invalid repository policy provided: not valid JSON.");
        }
        if (root == null || !root.path("Statement").isArray() || root.path("Statement").isEmpty()) {
            throw new InvalidPolicyException("Invalid repository policy provided: a non-empty Statement list is required.");
        }
        List<Statement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("Statement")) {
            String where = "Statement[" + index++ + "]";
            String effect = node.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new InvalidPolicyException(where + ".Effect must be Allow or Deny.");
            }
            List<String> principals = principals(node.path("Principal"), where);
            Set<String> actions = actions(node.path("Action"), where);
            statements.add(new Statement(effect.equals("Allow"), principals, actions));
        }
        return new RepositoryPolicy(statements);
    }

    /** Whether the policy lets {@code caller} (of another tenant) do {@code action} ({@code pull} or {@code push}). */
    public boolean allows(Principal caller, String action) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.actions().contains(action) && statement.principals().stream().anyMatch(p -> names(p, caller))) {
                if (!statement.allow()) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean names(String principal, Principal caller) {
        if (principal.equals("*")) {
            return true;
        }
        Matcher m = PRINCIPAL.matcher(principal);
        if (!m.matches() || caller.tenant().filter(m.group(1)::equals).isEmpty()) {
            return false;
        }
        String who = m.group(2);
        if (who.equals("root")) {
            return true;
        }
        if (who.startsWith("service-account/")) {
            return caller.kind() == PrincipalKind.SERVICE_ACCOUNT
                    && caller.name().equals(m.group(1) + "-sa-" + who.substring("service-account/".length()));
        }
        return caller.kind() == PrincipalKind.USER && caller.name().equals(who.substring("user/".length()));
    }

    private static List<String> principals(JsonNode node, String where) {
        JsonNode list = node.isObject() ? node.path("AWS") : node;
        List<String> principals = new ArrayList<>();
        if (list.isTextual()) {
            principals.add(list.asText());
        } else if (list.isArray()) {
            list.forEach(p -> principals.add(p.asText()));
        }
        if (principals.isEmpty()) {
            throw new InvalidPolicyException(where + ".Principal must name at least one principal.");
        }
        for (String principal : principals) {
            if (!principal.equals("*") && !PRINCIPAL.matcher(principal).matches()) {
                throw new InvalidPolicyException(where + ".Principal '" + principal + "' is not '*' or "
                        + "arn:berth:iam::<tenant>:root | service-account/<name> | user/<name>.");
            }
        }
        return principals;
    }

    private static Set<String> actions(JsonNode node, String where) {
        List<String> names = new ArrayList<>();
        if (node.isTextual()) {
            names.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(a -> names.add(a.asText()));
        }
        if (names.isEmpty()) {
            throw new InvalidPolicyException(where + ".Action must name at least one action.");
        }
        Set<String> actions = new HashSet<>();
        for (String name : names) {
            if (name.equals("ecr:*") || name.equals("*")) {
                actions.add(RegistryAccess.PULL);
                actions.add(RegistryAccess.PUSH);
            } else if (PULL_ACTIONS.contains(name)) {
                actions.add(RegistryAccess.PULL);
            } else if (PUSH_ACTIONS.contains(name)) {
                actions.add(RegistryAccess.PUSH);
            } else {
                throw new InvalidPolicyException(where + ".Action '" + name + "' is not an ECR action Berth applies "
                        + "(pull: " + String.join(", ", PULL_ACTIONS) + "; push: " + String.join(", ", PUSH_ACTIONS) + ").");
            }
        }
        return Set.copyOf(actions);
    }
}
