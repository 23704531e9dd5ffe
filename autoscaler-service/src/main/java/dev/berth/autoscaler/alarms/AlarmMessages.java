package dev.berth.autoscaler.alarms;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the alarm calls other than PutMetricAlarm's, with CloudWatch's member names. */
public final class AlarmMessages {

    private AlarmMessages() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record DescribeAlarmsResponse(List<MetricAlarm> metricAlarms, String nextToken) {
    }

    /** EnableAlarmActions / DisableAlarmActions. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record AlarmNamesRequest(@Schema(required = true, maxItems = 100) List<String> alarmNames) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record SetAlarmStateRequest(
            @Schema(required = true, maxLength = 255) String alarmName,
            @Schema(required = true, examples = "ALARM") String stateValue,
            @Schema(required = true, maxLength = 1023) String stateReason,
            @Schema(maxLength = 4000, description = "A JSON document as text") String stateReasonData) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record AlarmHistoryRecord(String alarmName, @Schema(examples = "MetricAlarm") String alarmType,
                                     Instant timestamp, @Schema(examples = "StateUpdate") String historyItemType,
                                     String historySummary, @Schema(description = "A JSON document as text") String historyData) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record DescribeAlarmHistoryResponse(List<AlarmHistoryRecord> alarmHistoryItems, String nextToken) {
    }
}
