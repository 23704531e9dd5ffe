package dev.berth.autoscaler.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.berth.autoscaler.metrics.Dimension;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One alarm of DescribeAlarms, with CloudWatch's MetricAlarm members. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricAlarm(
        String alarmName,
        @Schema(examples = "arn:berth:cloudwatch::acme:alarm:HighCpu") String alarmArn,
        String alarmDescription,
        Instant alarmConfigurationUpdatedTimestamp,
        boolean actionsEnabled,
        @JsonProperty("OKActions") List<String> okActions,
        List<String> alarmActions,
        List<String> insufficientDataActions,
        @Schema(examples = "ALARM") String stateValue,
        String stateReason,
        @Schema(description = "A JSON document as text") String stateReasonData,
        Instant stateUpdatedTimestamp,
        String metricName,
        String namespace,
        String statistic,
        String extendedStatistic,
        List<Dimension> dimensions,
        int period,
        String unit,
        int evaluationPeriods,
        Integer datapointsToAlarm,
        double threshold,
        String comparisonOperator,
        String treatMissingData,
        Instant stateTransitionedTimestamp) {

    static MetricAlarm of(StoredAlarm stored) {
        AlarmDefinition d = stored.definition();
        boolean standard = d.statistic() instanceof AlarmStatistic.Standard;
        return new MetricAlarm(d.alarmName(), stored.arn(), d.alarmDescription(), stored.configurationUpdatedAt(),
                d.actionsEnabled(), d.okActions(), d.alarmActions(), d.insufficientDataActions(), stored.state().awsName(),
                stored.stateReason(), stored.stateReasonData(), stored.stateUpdatedAt(), d.metricName(), d.namespace(),
                standard ? d.statistic().awsName() : null, standard ? null : d.statistic().awsName(),
                d.dimensions().stream().map(x -> new Dimension(x.name(), x.value())).toList(), d.period(),
                d.unit() == null ? null : d.unit().wireName(), d.evaluationPeriods(), d.datapointsToAlarm(), d.threshold(),
                d.comparisonOperator().awsName(), d.treatMissingData().awsName(), stored.stateTransitionedAt());
    }
}
