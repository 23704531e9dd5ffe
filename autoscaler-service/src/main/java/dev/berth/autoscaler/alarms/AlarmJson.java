package dev.berth.autoscaler.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.error.InvalidInputException;

/**
 * The JSON texts alarms keep: a definition in the store (PutMetricAlarm's values, read back through
 * {@link AlarmRules}), StateReasonData and history data as CloudWatch shows them (null members left out).
 */
final class AlarmJson {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private AlarmJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + value.getClass().getSimpleName(), e);
        }
    }

    static String definition(AlarmDefinition d) {
        AlarmStatistic statistic = d.statistic();
        boolean standard = statistic instanceof AlarmStatistic.Standard;
        return write(new PutMetricAlarmValues(d.alarmName(), d.alarmDescription(), d.actionsEnabled(), d.okActions(),
                d.alarmActions(), d.insufficientDataActions(), d.metricName(), d.namespace(),
                standard ? statistic.awsName() : null, standard ? null : statistic.awsName(), d.dimensions(), d.period(),
                d.unit() == null ? null : d.unit().wireName(), d.evaluationPeriods(), d.datapointsToAlarm(), d.threshold(),
                d.comparisonOperator().awsName(), d.treatMissingData().awsName()));
    }

    static AlarmDefinition definition(String json) {
        try {
            return AlarmRules.definitionOf(JSON.readValue(json, PutMetricAlarmValues.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alarm definition unreadable", e);
        }
    }

    /** StateReasonData of SetAlarmState: any JSON document, refused naming the field otherwise. */
    static void requireJson(String field, String text) {
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "must be a JSON document");
        }
    }
}
