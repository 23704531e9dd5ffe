package dev.berth.autoscaler.alarms;

/**
 * A metric alarm's ARN in Berth's form ({@code arn:berth:<service>::<tenant>:<resource>}, as ECS and ECR
 * resources are named): {@code arn:berth:cloudwatch::acme:alarm:HighCpu}, CloudWatch's
 * {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>} without a region.
 */
public final class AlarmArns {

    private AlarmArns() {
    }

    public static String of(String tenant, String alarmName) {
        return "arn:berth:cloudwatch::" + tenant + ":alarm:" + alarmName;
    }
}
