package dev.berth.autoscaler.alarms;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.berth.autoscaler.metrics.Dimension;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** CloudWatch's PutMetricAlarm input (a metric alarm on one metric; Metrics math and anomaly bands are not taken). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record PutMetricAlarmRequest(
        @Schema(required = true, maxLength = 255, examples = "HighCpu") String alarmName,
        @Schema(maxLength = 1024) String alarmDescription,
        @Schema(description = "Default true") Boolean actionsEnabled,
        @JsonProperty("OKActions") @Schema(maxItems = 5) List<String> okActions,
        @Schema(maxItems = 5) List<String> alarmActions,
        @Schema(maxItems = 5) List<String> insufficientDataActions,
        @Schema(required = true, maxLength = 255, examples = "CPUUtilization") String metricName,
        @Schema(required = true, maxLength = 255, examples = "AWS/ECS") String namespace,
        @Schema(description = "SampleCount, Average, Sum, Minimum or Maximum") String statistic,
        @Schema(description = "Percentiles are not available: the metric store keeps statistic sets") String extendedStatistic,
        @Schema(maxItems = 30) List<Dimension> dimensions,
        @Schema(required = true, description = "10, 20, 30 or a multiple of 60 seconds") Integer period,
        String unit,
        @Schema(required = true, minimum = "1") Integer evaluationPeriods,
        @Schema(description = "M of 'M out of N'; default EvaluationPeriods") Integer datapointsToAlarm,
        @Schema(required = true) Double threshold,
        @Schema(required = true, examples = "GreaterThanThreshold") String comparisonOperator,
        @Schema(description = "breaching, notBreaching, ignore or missing (default)") String treatMissingData) {

    PutMetricAlarmValues values() {
        return new PutMetricAlarmValues(alarmName, alarmDescription, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, metricName, namespace, statistic, extendedStatistic,
                dimensions == null ? null : dimensions.stream()
                        .map(d -> d == null ? null : new dev.berth.autoscaler.alarms.Dimension(d.name(), d.value())).toList(),
                period, unit, evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator, treatMissingData);
    }
}
