package dev.berth.scheduler;

/** Berth's ECS-style ARNs ({@code arn:berth:ecs::<tenant>:<resource>}) and ids given as ARNs. */
public final class Arns {

    private Arns() {
    }

    /** E.g. {@code ecs("acme", "task/prod/4c1e")}. */
    public static String ecs(String tenant, String resource) {
        return "arn:berth:ecs::" + tenant + ":" + resource;
    }

    /** An id or name given as is, or as an ARN whose last path segment it is. */
    public static String lastSegment(String idOrArn) {
        int slash = idOrArn.lastIndexOf('/');
        return idOrArn.startsWith("arn:") && slash >= 0 ? idOrArn.substring(slash + 1) : idOrArn;
    }
}
