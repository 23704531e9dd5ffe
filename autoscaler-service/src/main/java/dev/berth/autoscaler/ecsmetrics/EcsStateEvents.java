package dev.berth.autoscaler.ecsmetrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the scheduler's "ECS Task State Change" (berth.task-state) and "ECS Container Instance State
 * Change" (berth.host-state) envelopes. A record of another type, or without the fields the metrics
 * need, gives nothing.
 */
public final class EcsStateEvents {

    public static final String TASK_STATE_CHANGE = "ECS Task State Change";
    public static final String HOST_STATE_CHANGE = "ECS Container Instance State Change";
    private static final String SERVICE_GROUP = "service:";

    private EcsStateEvents() {
    }

    public static Optional<TaskStateUpdate> task(JsonNode envelope) {
        if (!isOf(envelope, TASK_STATE_CHANGE)) {
            return Optional.empty();
        }
        JsonNode task = envelope.path("detail");
        String taskArn = text(task, "taskArn");
        String clusterArn = text(task, "clusterArn");
        String definition = text(task, "taskDefinitionArn");
        String lastStatus = text(task, "lastStatus");
        String desiredStatus = text(task, "desiredStatus");
        if (taskArn == null || clusterArn == null || definition == null || lastStatus == null || desiredStatus == null) {
            return Optional.empty();
        }
        String group = text(task, "group");
        String service = group != null && group.startsWith(SERVICE_GROUP) ? group.substring(SERVICE_GROUP.length()) : null;
        Instant eventTime = instant(envelope.get("time"));
        int phase = TaskLifecycle.comparedToRunning(lastStatus);
        Instant startedAt = instant(task.get("startedAt"));
        Instant runningSince = phase < 0 ? null : first(startedAt, phase == 0 ? eventTime : null);
        Instant runningUntil = phase <= 0 ? null
                : first(instant(task.get("stoppingAt")), instant(task.get("stoppedAt")), instant(task.get("updatedAt")),
                        eventTime);
        return Optional.of(new TaskStateUpdate(envelope.get("tenant").asText(), afterLast(clusterArn, "cluster/"),
                afterLastSlash(taskArn), service, family(definition), definition, lastStatus, desiredStatus,
                task.path("version").asLong(0), runningSince, runningUntil));
    }

    public static Optional<HostStateUpdate> host(JsonNode envelope) {
        if (!isOf(envelope, HOST_STATE_CHANGE)) {
            return Optional.empty();
        }
        JsonNode host = envelope.path("detail").path("containerInstance");
        String arn = text(host, "containerInstanceArn");
        String status = text(host, "status");
        Instant at = instant(envelope.get("time"));
        if (arn == null || status == null || at == null || !arn.contains("container-instance/")) {
            return Optional.empty();
        }
        // container-instance/<cluster>/<id>
        String path = afterLast(arn, "container-instance/");
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        HostStatus hostStatus;
        try {
            hostStatus = HostStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int registeredCpu = resource(host.path("registeredResources"), "CPU");
        int registeredMemory = resource(host.path("registeredResources"), "MEMORY");
        int reservedCpu = Math.max(0, registeredCpu - resource(host.path("remainingResources"), "CPU"));
        int reservedMemory = Math.max(0, registeredMemory - resource(host.path("remainingResources"), "MEMORY"));
        return Optional.of(new HostStateUpdate(envelope.get("tenant").asText(), path.substring(0, slash),
                new HostCapacity(path.substring(slash + 1), hostStatus, registeredCpu, registeredMemory, reservedCpu,
                        reservedMemory), at));
    }

    /** The family of {@code .../task-definition/<family>:<revision>}. */
    static String family(String taskDefinitionArn) {
        String nameAndRevision = afterLast(taskDefinitionArn, "task-definition/");
        int colon = nameAndRevision.lastIndexOf(':');
        return colon > 0 ? nameAndRevision.substring(0, colon) : nameAndRevision;
    }

    private static boolean isOf(JsonNode envelope, String type) {
        return envelope != null && type.equals(envelope.path("type").asText()) && envelope.path("tenant").isTextual()
                && !envelope.path("tenant").asText().isEmpty();
    }

    private static int resource(JsonNode resources, String name) {
        for (JsonNode resource : resources) {
            if (name.equals(resource.path("name").asText())) {
                return Math.max(0, resource.path("integerValue").asInt(0));
            }
        }
        return 0;
    }

    private static String afterLast(String text, String marker) {
        int at = text.lastIndexOf(marker);
        return at >= 0 ? text.substring(at + marker.length()) : text;
    }

    private static String afterLastSlash(String text) {
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static Instant first(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** ISO 8601 text, or epoch seconds with a fraction (Jackson's numeric Instant). */
    static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            double seconds = node.asDouble();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        try {
            return Instant.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
