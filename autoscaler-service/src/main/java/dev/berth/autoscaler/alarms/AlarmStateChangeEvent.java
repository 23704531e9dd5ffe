package dev.berth.autoscaler.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The detail of a "CloudWatch Alarm State Change" event on {@code berth.events}, shaped as CloudWatch's event
 * detail: {@code alarmName}, {@code state} and {@code previousState} ({@code value}, {@code reason},
 * {@code reasonData} as a JSON text, {@code timestamp} in CloudWatch's form) and {@code configuration} with the
 * alarm's metric.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmStateChangeEvent(String alarmName, State state, State previousState, Configuration configuration) {

    public static final String TYPE = "CloudWatch Alarm State Change";
    public static final int VERSION = 1;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(String value, String reason, String reasonData, String timestamp) {

        static State of(AlarmState value, String reason, String reasonData, Instant at) {
            return new State(value.awsName(), reason, reasonData, StateReasonData.time(at));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Configuration(String description, List<MetricEntry> metrics) {
    }

    public record MetricEntry(String id, MetricStat metricStat, boolean returnData) {
    }

    public record MetricStat(Metric metric, int period, String stat) {
    }

    public record Metric(String namespace, String name, Map<String, String> dimensions) {
    }

    /** The change from {@code before} to the new state, at {@code at}. */
    public static AlarmStateChangeEvent of(StoredAlarm before, AlarmState newState, String newReason,
                                           String newReasonData, Instant at) {
        AlarmDefinition d = before.definition();
        Map<String, String> dimensions = new LinkedHashMap<>();
        d.dimensions().forEach(dimension -> dimensions.put(dimension.name(), dimension.value()));
        String id = UUID.nameUUIDFromBytes(before.arn().getBytes(StandardCharsets.UTF_8)).toString();
        MetricEntry metric = new MetricEntry(id, new MetricStat(new Metric(d.namespace(), d.metricName(), dimensions),
                d.period(), d.statistic().awsName()), true);
        return new AlarmStateChangeEvent(d.alarmName(), State.of(newState, newReason, newReasonData, at),
                State.of(before.state(), before.stateReason(), before.stateReasonData(), before.stateUpdatedAt()),
                new Configuration(d.alarmDescription(), List.of(metric)));
    }
}
