package dev.berth.scheduler.tasks;

import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ECS's TaskOverride, the shape of RunTask's {@code overrides}: the API documents it with this
 * record, while the overrides themselves travel as given to the launch and to the host's agent
 * (which applies them), and are checked where they are used ({@link TaskShape}, the task role).
 */
public record TaskOverride(List<ContainerOverride> containerOverrides, @Schema(examples = "512") String cpu,
                           @Schema(examples = "1024") String memory,
                           @Schema(examples = "arn:berth:iam::acme:role/reporter") String taskRoleArn,
                           String executionRoleArn) {

    public record ContainerOverride(@Schema(examples = "web") String name, List<String> command,
                                    List<TaskDefinitionSpec.KeyValue> environment, Integer cpu, Integer memory,
                                    Integer memoryReservation) {
    }
}
