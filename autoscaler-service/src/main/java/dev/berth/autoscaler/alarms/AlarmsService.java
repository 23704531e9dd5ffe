package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CloudWatch's alarm calls for one tenant. */
@ApplicationScoped
public class AlarmsService {

    /** AlarmNames of DescribeAlarms, DeleteAlarms, EnableAlarmActions and DisableAlarmActions. */
    public static final int MAX_ALARM_NAMES = 100;
    public static final int MAX_RECORDS = 100;
    public static final int DEFAULT_ALARM_RECORDS = 50;
    public static final int DEFAULT_HISTORY_RECORDS = 100;
    public static final int MAX_ACTION_PREFIX = 1024;
    public static final int MAX_STATE_REASON_DATA = 4000;
    public static final int MAX_NEXT_TOKEN = 1024;
    /** Names of the alarms target tracking policies create; only those can be managed. */
    public static final String MANAGED_PREFIX = "TargetTracking-";

    @Inject
    Pool pool;

    @Inject
    AlarmStore alarms;

    @Inject
    AlarmHistoryStore history;

    @Inject
    AlarmEvaluationJob evaluation;

    @Inject
    AlarmsConfig config;

    public Uni<Void> putMetricAlarm(String tenant, PutMetricAlarmRequest request) {
        if (request == null) {
            throw new InvalidInputException("AlarmName", "required");
        }
        AlarmDefinition definition = definitionOf(request);
        return pool.withTransaction(tx -> refuseManaged(tx, tenant, List.of(definition.alarmName()), false)
                .chain(() -> put(tx, tenant, definition)));
    }

    /**
     * PutMetricAlarm of an alarm a scaling policy owns ({@code owner}, its ARN), in the policy's transaction:
     * users cannot change or delete it through the alarm calls.
     */
    public Uni<Void> putManagedAlarm(SqlClient tx, String tenant, PutMetricAlarmRequest request, String owner) {
        AlarmDefinition definition = definitionOf(request);
        return put(tx, tenant, definition).chain(() -> alarms.managedBy(tx, tenant, definition.alarmName(), owner));
    }

    /** Deletes alarms a scaling policy owns, in the policy's transaction; names that are gone are passed over. */
    public Uni<Void> deleteManagedAlarms(SqlClient tx, String tenant, List<String> alarmNames) {
        if (alarmNames.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return alarms.lockAll(tx, tenant, alarmNames).chain(found -> {
            Uni<Void> written = alarms.delete(tx, tenant, alarmNames);
            for (StoredAlarm alarm : found) {
                String name = alarm.definition().alarmName();
                written = written.chain(() -> history.add(tx, tenant, new AlarmHistoryItem(name, now,
                        HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"" + name + "\" deleted"), null));
            }
            return written;
        });
    }

    /** The named alarms and those whose AlarmActions name one of {@code actionArns}, as scaling policies read them. */
    public Uni<List<AlarmSnapshot>> snapshots(SqlClient client, String tenant, List<String> alarmNames,
            List<String> actionArns) {
        return alarms.snapshots(client, tenant, alarmNames, actionArns);
    }

    private Uni<Void> refuseManaged(SqlClient tx, String tenant, List<String> alarmNames, boolean multiple) {
        List<String> candidates = alarmNames.stream().filter(name -> name.startsWith(MANAGED_PREFIX)).toList();
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return alarms.owners(tx, tenant, candidates).invoke(owners -> owners.entrySet().stream().findFirst()
                .ifPresent(owned -> {
                    int index = alarmNames.indexOf(owned.getKey());
                    String field = multiple ? "AlarmNames[" + index + "]" : "AlarmName";
                    throw new InvalidInputException(field, "alarm " + owned.getKey() + " is managed by scaling policy "
                            + owned.getValue() + ": change or delete the policy instead");
                })).replaceWithVoid();
    }

    private static AlarmDefinition definitionOf(PutMetricAlarmRequest request) {
        AlarmDefinition definition = AlarmRules.definitionOf(request.values());
        if (!(definition.statistic() instanceof AlarmStatistic.Standard)) {
            throw new InvalidInputException("ExtendedStatistic", "percentiles cannot be evaluated: the metric store "
                    + "keeps statistic sets; use Statistic");
        }
        return definition;
    }

    private Uni<Void> put(SqlClient tx, String tenant, AlarmDefinition definition) {
        Instant now = Instant.now();
        return alarms.lockTenantAndCount(tx, tenant)
                .chain(count -> alarms.lock(tx, tenant, definition.alarmName()).chain(existing -> {
                    if (existing.isPresent()) {
                        return alarms.updateDefinition(tx, tenant, definition, now, now)
                                .chain(() -> history.add(tx, tenant, AlarmHistoryItem.updated(definition.alarmName(), now),
                                        null));
                    }
                    if (count >= config.maxAlarmsPerTenant()) {
                        throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "A tenant may have up to "
                                + config.maxAlarmsPerTenant() + " metric alarms");
                    }
                    StoredAlarm created = new StoredAlarm(tenant, definition, AlarmState.INSUFFICIENT_DATA,
                            StateReason.INITIAL.text(), null, now, now, now, now);
                    return alarms.insert(tx, created)
                            .chain(() -> history.add(tx, tenant, AlarmHistoryItem.created(definition.alarmName(), now), null));
                }));
    }

    public Uni<AlarmMessages.DescribeAlarmsResponse> describeAlarms(String tenant, List<String> alarmNames,
            String alarmNamePrefix, String stateValue, String actionPrefix, Integer maxRecords, String nextToken) {
        List<String> names = names("AlarmNames", alarmNames, false);
        if (alarmNamePrefix != null) {
            if (!names.isEmpty()) {
                throw new InvalidInputException("AlarmNamePrefix", "give either AlarmNames or AlarmNamePrefix, not both");
            }
            FieldChecks.length("AlarmNamePrefix", alarmNamePrefix, 1, AlarmLimits.MAX_ALARM_NAME_LENGTH);
        }
        AlarmState state = stateValue == null ? null : state("StateValue", stateValue);
        if (actionPrefix != null) {
            FieldChecks.length("ActionPrefix", actionPrefix, 1, MAX_ACTION_PREFIX);
        }
        int limit = records(maxRecords, DEFAULT_ALARM_RECORDS);
        String after = position(nextToken);
        AlarmStore.Selection selection = new AlarmStore.Selection(names, alarmNamePrefix, state, actionPrefix);
        return alarms.list(pool, tenant, selection, after, limit + 1).map(found -> new AlarmMessages.DescribeAlarmsResponse(
                found.stream().limit(limit).map(MetricAlarm::of).toList(),
                found.size() > limit ? PageTokens.encode(found.get(limit - 1).definition().alarmName()) : null));
    }

    /** All named alarms are deleted, or none (an unknown name: ResourceNotFound), as CloudWatch does. */
    public Uni<Void> deleteAlarms(String tenant, List<String> alarmNames) {
        List<String> names = names("AlarmNames", alarmNames, true);
        Instant now = Instant.now();
        return pool.withTransaction(tx -> refuseManaged(tx, tenant, names, true).chain(() -> alarms.lockAll(tx, tenant, names)).chain(found -> {
            List<String> missing = names.stream()
                    .filter(name -> found.stream().noneMatch(a -> a.definition().alarmName().equals(name))).toList();
            if (!missing.isEmpty()) {
                throw notFound(missing);
            }
            Uni<Void> written = alarms.delete(tx, tenant, names);
            for (String name : names) {
                written = written.chain(() -> history.add(tx, tenant, new AlarmHistoryItem(name, now,
                        HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"" + name + "\" deleted"), null));
            }
            return written;
        }));
    }

    /** Unknown names are passed over, as CloudWatch does. */
    public Uni<Void> setActionsEnabled(String tenant, List<String> alarmNames, boolean enabled) {
        List<String> names = names("AlarmNames", alarmNames, true);
        Instant now = Instant.now();
        return pool.withTransaction(tx -> alarms.setActionsEnabled(tx, tenant, names, enabled).chain(changed -> {
            Uni<Void> written = Uni.createFrom().voidItem();
            for (String name : changed) {
                written = written.chain(() -> history.add(tx, tenant, AlarmHistoryItem.updated(name, now), null));
            }
            return written;
        }));
    }

    /**
     * Sets the state for a while: the change is recorded, announced and acts as an evaluated one, and the next
     * evaluation (on the alarm's cadence) sets the state the data says again.
     */
    public Uni<Void> setAlarmState(String tenant, AlarmMessages.SetAlarmStateRequest request) {
        if (request == null) {
            throw new InvalidInputException("AlarmName", "required");
        }
        String name = FieldChecks.required("AlarmName", request.alarmName());
        FieldChecks.length("AlarmName", name, 1, AlarmLimits.MAX_ALARM_NAME_LENGTH);
        if (request.stateValue() == null) {
            throw new InvalidInputException("StateValue", "required");
        }
        AlarmState state = state("StateValue", request.stateValue());
        String reason = FieldChecks.required("StateReason", request.stateReason());
        FieldChecks.length("StateReason", reason, 0, StateReason.MAX_TEXT_LENGTH);
        String data = request.stateReasonData();
        if (data != null) {
            FieldChecks.length("StateReasonData", data, 0, MAX_STATE_REASON_DATA);
            AlarmJson.requireJson("StateReasonData", data);
        }
        Instant now = Instant.now();
        return pool.withTransaction(tx -> alarms.lock(tx, tenant, name).chain(found -> {
                    StoredAlarm alarm = found.orElseThrow(() -> notFound(List.of(name)));
                    Instant next = evaluation.nextEvaluation(alarm.definition().period(), now);
                    if (alarm.state() == state) {
                        return alarms.setState(tx, tenant, name, state, reason, data, now, false, next)
                                .replaceWith(Optional.<AlarmEvaluationJob.Outcome>empty());
                    }
                    Evaluation set = new Evaluation(alarm.state(), state, Optional.of(new StateReason(reason, null)));
                    List<String> actions = AlarmActions.toRun(alarm.definition(), set, s -> false);
                    return evaluation.changeState(tx, alarm, state, reason, data, now, next)
                            .map(change -> Optional.of(new AlarmEvaluationJob.Outcome(alarm, set, Optional.of(change),
                                    actions)));
                }))
                .call(outcome -> outcome.map(evaluation::afterCommit).orElseGet(() -> Uni.createFrom().voidItem()))
                .replaceWithVoid();
    }

    public Uni<AlarmMessages.DescribeAlarmHistoryResponse> describeAlarmHistory(String tenant, String alarmName,
            String historyItemType, String startDate, String endDate, String scanBy, Integer maxRecords, String nextToken) {
        if (alarmName != null) {
            FieldChecks.length("AlarmName", alarmName, 1, AlarmLimits.MAX_ALARM_NAME_LENGTH);
        }
        HistoryItemType type = historyItemType == null ? null : java.util.Arrays.stream(HistoryItemType.values())
                .filter(t -> t.awsName().equals(historyItemType)).findFirst()
                .orElseThrow(() -> new InvalidInputException("HistoryItemType",
                        "one of ConfigurationUpdate, StateUpdate, Action"));
        Instant start = date("StartDate", startDate);
        Instant end = date("EndDate", endDate);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidInputException("EndDate", "must not be before StartDate");
        }
        boolean ascending;
        if (scanBy == null || scanBy.equals("TimestampDescending")) {
            ascending = false;
        } else if (scanBy.equals("TimestampAscending")) {
            ascending = true;
        } else {
            throw new InvalidInputException("ScanBy", "TimestampDescending or TimestampAscending");
        }
        int limit = records(maxRecords, DEFAULT_HISTORY_RECORDS);
        AlarmHistoryStore.Position after = historyPosition(nextToken);
        return history.list(tenant, new AlarmHistoryStore.Selection(alarmName, type, start, end, ascending), after, limit + 1)
                .map(found -> {
                    List<AlarmMessages.AlarmHistoryRecord> page = found.stream().limit(limit).map(stored ->
                            new AlarmMessages.AlarmHistoryRecord(stored.item().alarmName(), "MetricAlarm",
                                    stored.item().timestamp(), stored.item().historyItemType().awsName(),
                                    stored.item().historySummary(), stored.historyData())).toList();
                    String next = null;
                    if (found.size() > limit) {
                        AlarmHistoryStore.StoredItem last = found.get(limit - 1);
                        Instant at = last.item().timestamp();
                        next = PageTokens.encode("h1:" + at.getEpochSecond() + ":" + at.getNano() + ":" + last.id());
                    }
                    return new AlarmMessages.DescribeAlarmHistoryResponse(page, next);
                });
    }

    private static List<String> names(String field, List<String> names, boolean required) {
        if (names == null || names.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "required: 1 to " + MAX_ALARM_NAMES + " alarm names");
            }
            return List.of();
        }
        if (names.size() > MAX_ALARM_NAMES) {
            throw new InvalidInputException(field, "at most " + MAX_ALARM_NAMES + ", got " + names.size());
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String at = field + "[" + i + "]";
            String name = FieldChecks.required(at, names.get(i));
            FieldChecks.length(at, name, 1, AlarmLimits.MAX_ALARM_NAME_LENGTH);
            if (!checked.contains(name)) {
                checked.add(name);
            }
        }
        return List.copyOf(checked);
    }

    private static AlarmState state(String field, String value) {
        return AlarmState.fromAws(value).orElseThrow(() -> new InvalidInputException(field,
                "one of OK, ALARM, INSUFFICIENT_DATA"));
    }

    private static int records(Integer maxRecords, int defaultRecords) {
        if (maxRecords == null) {
            return defaultRecords;
        }
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw new InvalidInputException("MaxRecords", "1 to " + MAX_RECORDS + ", got " + maxRecords);
        }
        return maxRecords;
    }

    private static String position(String nextToken) {
        if (nextToken != null && nextToken.length() > MAX_NEXT_TOKEN) {
            throw invalidToken();
        }
        return PageTokens.decode(nextToken, AlarmsService::invalidToken);
    }

    private static AlarmHistoryStore.Position historyPosition(String nextToken) {
        String position = position(nextToken);
        if (position == null) {
            return null;
        }
        String[] parts = position.split(":", -1);
        try {
            if (parts.length != 4 || !parts[0].equals("h1")) {
                throw invalidToken();
            }
            return new AlarmHistoryStore.Position(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    Long.parseLong(parts[3]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw invalidToken();
        }
    }

    private static Instant date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO 8601 time such as 2026-12-03T12:00:00Z");
        }
    }

    private static InvalidInputException invalidToken() {
        return new InvalidInputException("NextToken", "not a token this API gave out");
    }

    private static ApiException notFound(List<String> names) {
        return new ApiException(ErrorCode.CLOUDWATCH_RESOURCE_NOT_FOUND, "Alarm" + (names.size() == 1 ? " " : "s ")
                + String.join(", ", names) + (names.size() == 1 ? " does" : " do") + " not exist");
    }
}
