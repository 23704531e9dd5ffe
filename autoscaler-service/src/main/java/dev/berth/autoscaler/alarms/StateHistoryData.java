package dev.berth.autoscaler.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * HistoryData of a StateUpdate item, as CloudWatch writes it:
 * {@code {"version":"1.0","oldState":{"stateValue":...,"stateReason":...},"newState":{...,"stateReasonData":{...}}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StateHistoryData(String version, StateData oldState, StateData newState) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StateData(String stateValue, String stateReason, @JsonRawValue String stateReasonData) {
    }

    static String json(AlarmState oldValue, String oldReason, AlarmState newValue, String newReason, String newReasonData) {
        return AlarmJson.write(new StateHistoryData("1.0", new StateData(oldValue.awsName(), oldReason, null),
                new StateData(newValue.awsName(), newReason, newReasonData)));
    }
}
