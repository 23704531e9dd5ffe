package dev.berth.scheduler.tags;

import dev.berth.common.error.InvalidInputException;
import dev.berth.common.error.ErrorCode;

import dev.berth.common.error.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource ECS's tagging actions name by ARN, within the caller's tenant: a cluster, service,
 * task or task definition ({@code arn:berth:ecs::acme:service/prod/web}).
 */
public record TaggedResource(Kind kind, String arn, String cluster, String name, int revision) {

    public enum Kind { CLUSTER, SERVICE, TASK, TASK_DEFINITION }

    private static final Pattern ARN = Pattern.compile(
            "arn:berth:ecs::([^:/]+):(cluster|service|task|task-definition)/([^/]+)(?:/([^/]+))?");
    private static final Pattern REVISION = Pattern.compile("([A-Za-z0-9_-]{1,255}):([1-9][0-9]{0,8})");

    /** The resource an ARN names, if it is one of the tenant's; anything else is refused naming the field. */
    public static TaggedResource parse(String field, String arn, String tenant) {
        if (arn == null || arn.isBlank()) {
            throw new InvalidInputException(field, "the ARN of a cluster, service, task or task definition is required");
        }
        Matcher m = ARN.matcher(arn);
        if (arn.length() > 1600 || !m.matches()) {
            throw new InvalidInputException(field, "'" + abbreviated(arn) + "' is not the ARN of a cluster, service, task or "
                    + "task definition (arn:berth:ecs::<tenant>:cluster/<name>, service/<cluster>/<name>, "
                    + "task/<cluster>/<id>, task-definition/<family>:<revision>)");
        }
        if (!m.group(1).equals(tenant)) {
            throw notFound(arn);
        }
        String type = m.group(2);
        String first = m.group(3);
        String second = m.group(4);
        return switch (type) {
            case "cluster" -> second == null ? new TaggedResource(Kind.CLUSTER, arn, first, first, 0) : malformed(field, arn);
            case "service" -> second != null ? new TaggedResource(Kind.SERVICE, arn, first, second, 0) : malformed(field, arn);
            case "task" -> second != null ? new TaggedResource(Kind.TASK, arn, first, second, 0) : malformed(field, arn);
            default -> {
                Matcher revision = REVISION.matcher(first);
                if (second != null || !revision.matches()) {
                    yield malformed(field, arn);
                }
                yield new TaggedResource(Kind.TASK_DEFINITION, arn, null, revision.group(1),
                        Integer.parseInt(revision.group(2)));
            }
        };
    }

    public static ApiException notFound(String arn) {
        return new ApiException(ErrorCode.NOT_FOUND, "The specified resource could not be found: "
                + abbreviated(arn) + ".");
    }

    private static TaggedResource malformed(String field, String arn) {
        throw new InvalidInputException(field, "'" + abbreviated(arn) + "' is not the ARN of a cluster, service, task or task "
                + "definition");
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
