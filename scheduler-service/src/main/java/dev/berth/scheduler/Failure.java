package dev.berth.scheduler;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ECS's failures[] entry of a batch call: the ARN asked for and why it was not done. */
public record Failure(String arn, @Schema(examples = "MISSING") String reason) {

    public static Failure missing(String arn) {
        return new Failure(arn, "MISSING");
    }
}
