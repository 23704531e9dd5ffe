package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dimension as CloudWatch names it on the wire. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dimension(
        @Schema(required = true, maxLength = 255, examples = "ClusterName") String name,
        @Schema(required = true, maxLength = 1024, examples = "default") String value) {
}
