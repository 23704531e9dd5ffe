package dev.berth.autoscaler.alarms;

import java.util.Arrays;
import java.util.Optional;

/** CloudWatch's StateValue: a new alarm starts INSUFFICIENT_DATA. The constant names are the AWS strings. */
public enum AlarmState {
    OK, ALARM, INSUFFICIENT_DATA;

    public String awsName() {
        return name();
    }

    public static Optional<AlarmState> fromAws(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
