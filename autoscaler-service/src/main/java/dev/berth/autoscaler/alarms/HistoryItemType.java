package dev.berth.autoscaler.alarms;

/** DescribeAlarmHistory's HistoryItemType values that a metric alarm writes. */
public enum HistoryItemType {
    CONFIGURATION_UPDATE("ConfigurationUpdate"), STATE_UPDATE("StateUpdate"), ACTION("Action");

    private final String awsName;

    HistoryItemType(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }
}
