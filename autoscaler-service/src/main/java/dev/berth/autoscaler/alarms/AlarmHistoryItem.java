package dev.berth.autoscaler.alarms;

import java.time.Instant;

/** One DescribeAlarmHistory item with CloudWatch's summary wording. */
public record AlarmHistoryItem(String alarmName, Instant timestamp, HistoryItemType historyItemType,
                               String historySummary) {

    public static AlarmHistoryItem created(String alarmName, Instant at) {
        return new AlarmHistoryItem(alarmName, at, HistoryItemType.CONFIGURATION_UPDATE,
                "Alarm \"" + alarmName + "\" created");
    }

    public static AlarmHistoryItem updated(String alarmName, Instant at) {
        return new AlarmHistoryItem(alarmName, at, HistoryItemType.CONFIGURATION_UPDATE,
                "Alarm \"" + alarmName + "\" updated");
    }

    public static AlarmHistoryItem actionExecuted(String alarmName, Instant at, String action) {
        return new AlarmHistoryItem(alarmName, at, HistoryItemType.ACTION, "Successfully executed action " + action);
    }

    public static AlarmHistoryItem actionFailed(String alarmName, Instant at, String action, String reason) {
        return new AlarmHistoryItem(alarmName, at, HistoryItemType.ACTION,
                "Failed to execute action " + action + ". Reason: " + reason);
    }
}
