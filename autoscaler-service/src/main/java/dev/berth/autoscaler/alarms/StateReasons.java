package dev.berth.autoscaler.alarms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * StateReason texts in CloudWatch's words, for example
 * <pre>
 * Threshold Crossed: 3 datapoints [71.2 (03/12/26 12:04:00), 70.9 (03/12/26 12:03:00), 70.1 (03/12/26 12:02:00)] were greater than the threshold (50.0).
 * Threshold Crossed: 2 out of the last 3 datapoints [...] were greater than the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).
 * Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].
 * Insufficient Data: 3 datapoints were unknown.
 * </pre>
 * The "out of the last N ... (minimum M ...)" form is CloudWatch's when the alarm sets DatapointsToAlarm;
 * the minimum is M for OK -> ALARM and N - M + 1 for ALARM -> OK. Datapoints are listed newest first
 * with their period's start (UTC); the list is cut, ending in {@code ...}, to keep the text within
 * CloudWatch's 1,023 characters.
 */
final class StateReasons {

    /** Datapoints StateReasonData lists at most (the newest), keeping its JSON within CloudWatch's 4,000 characters. */
    static final int MAX_DATAPOINTS_IN_DATA = 25;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

    private StateReasons() {
    }

    static StateReason of(AlarmDefinition definition, StateDecision decision, AlarmState state, Instant now) {
        return new StateReason(text(definition, decision, state), data(definition, decision, now));
    }

    static String text(AlarmDefinition definition, StateDecision decision, AlarmState state) {
        List<PeriodSlot> evaluated = decision.evaluated();
        if (state == AlarmState.INSUFFICIENT_DATA) {
            long unknown = evaluated.stream().filter(PeriodSlot::isMissing).count();
            return "Insufficient Data: " + datapoints(unknown) + " " + wasWere(unknown) + " unknown.";
        }
        boolean alarm = state == AlarmState.ALARM;
        List<PeriodSlot> real = evaluated.stream().filter(slot -> !slot.isMissing()).toList().reversed();
        List<PeriodSlot> agreeing = real.stream().filter(slot -> slot.breaches(definition) == alarm).toList();
        int fills = decision.filled();
        String filled = fills == 0 ? "" : " and " + fills + " missing datapoint" + (fills == 1 ? "" : "s") + " "
                + wasWere(fills) + " treated as [" + fillName(definition) + "]";
        if (agreeing.isEmpty()) {
            int n = evaluated.size();
            String received = real.isEmpty() ? "no datapoints were" : datapoints(real.size()) + " " + wasWere(real.size());
            return "Threshold Crossed: " + received + " received for " + n + " period" + (n == 1 ? "" : "s") + filled + ".";
        }
        int count = agreeing.size();
        String head = "Threshold Crossed: " + (definition.datapointsToAlarm() == null ? datapoints(count)
                : count + " out of the last " + evaluated.size() + " datapoints") + " [";
        String tail = "] " + wasWere(count) + " " + definition.comparisonOperator().wording(alarm) + " the threshold ("
                + definition.threshold() + ")" + filled + minimum(definition, alarm) + ".";
        return head + listWithin(agreeing, StateReason.MAX_TEXT_LENGTH - head.length() - tail.length()) + tail;
    }

    private static String minimum(AlarmDefinition definition, boolean alarm) {
        if (definition.datapointsToAlarm() == null) {
            return "";
        }
        int minimum = alarm ? definition.requiredBreaches()
                : definition.evaluationPeriods() - definition.requiredBreaches() + 1;
        return " (minimum " + datapoints(minimum) + " for " + (alarm ? "OK -> ALARM" : "ALARM -> OK") + " transition)";
    }

    /** {@code 71.2 (03/12/26 12:04:00), ...}, as many as fit in {@code room} characters. */
    private static String listWithin(List<PeriodSlot> slots, int room) {
        List<String> items = slots.stream()
                .map(slot -> slot.datapoint().value() + " (" + WHEN.format(slot.periodStart()) + ")").toList();
        String all = String.join(", ", items);
        if (all.length() <= room) {
            return all;
        }
        StringBuilder cut = new StringBuilder();
        for (String item : items) {
            int next = cut.length() + (cut.isEmpty() ? 0 : 2) + item.length();
            if (next + ", ...".length() > room) {
                break;
            }
            cut.append(cut.isEmpty() ? "" : ", ").append(item);
        }
        return cut.isEmpty() ? "..." : cut + ", ...";
    }

    static StateReasonData data(AlarmDefinition definition, StateDecision decision, Instant now) {
        List<PeriodSlot> evaluated = decision.evaluated();
        List<PeriodSlot> shown = evaluated.subList(Math.max(0, evaluated.size() - MAX_DATAPOINTS_IN_DATA), evaluated.size());
        List<Double> recent = shown.stream().filter(slot -> !slot.isMissing()).map(slot -> slot.datapoint().value()).toList();
        List<StateReasonData.EvaluatedDatapoint> points = new ArrayList<>();
        for (PeriodSlot slot : shown.reversed()) {
            Datapoint datapoint = slot.datapoint();
            points.add(new StateReasonData.EvaluatedDatapoint(StateReasonData.time(slot.periodStart()),
                    datapoint == null ? null : datapoint.sampleCount(), datapoint == null ? null : datapoint.value()));
        }
        String startDate = evaluated.stream().filter(slot -> !slot.isMissing()).findFirst()
                .map(slot -> StateReasonData.time(slot.periodStart())).orElse(null);
        return new StateReasonData(StateReasonData.VERSION, StateReasonData.time(now), startDate,
                definition.unit() == null ? null : definition.unit().wireName(), definition.statistic().awsName(),
                definition.period(), recent, definition.threshold(), points);
    }

    private static String fillName(AlarmDefinition definition) {
        return definition.treatMissingData() == TreatMissingData.BREACHING ? "Breaching" : "NonBreaching";
    }

    private static String datapoints(long count) {
        return count + (count == 1 ? " datapoint" : " datapoints");
    }

    private static String wasWere(long count) {
        return count == 1 ? "was" : "were";
    }
}
