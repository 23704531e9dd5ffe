package dev.berth.logs.groups;

/** A log group as CreateLogGroup, a describe of one group and the retention and tag calls return it. */
public record LogGroupResponse(LogGroupView logGroup) {
}
