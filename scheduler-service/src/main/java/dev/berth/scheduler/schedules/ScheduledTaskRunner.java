package dev.berth.scheduler.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionReference;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import dev.berth.scheduler.tasks.PlacementParameters;
import dev.berth.scheduler.tasks.TaskLauncher;
import dev.berth.scheduler.tasks.Task;
import io.quarkus.scheduler.Scheduled;
import dev.berth.common.async.Unis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs due scheduled tasks once a second. A due rule is locked (other replicas skip it), its next
 * run is written, and then its RunTask is made with {@code startedBy = events-rule/<name>}, as
 * EventBridge does. Runs missed while no scheduler was up are not made up: the rule runs once
 * and then at its next time after now.
 */
@ApplicationScoped
public class ScheduledTaskRunner {

    private static final Logger LOG = Logger.getLogger(ScheduledTaskRunner.class);

    @Inject
    Pool pool;

    @Inject
    ScheduledTaskStore store;

    @Inject
    TaskDefinitionStore definitions;

    @Inject
    TaskLauncher launcher;

    @Inject
    ObjectMapper json;

    @Inject
    SchedulesConfig config;

    @Scheduled(every = "${berth.scheduler.schedules.poll-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        Uni<List<ScheduledTask>> due = pool.withTransaction(client -> store.lockDue(client, config.rulesPerPoll()).chain(rules -> {
            List<Uni<Void>> updates = new ArrayList<>();
            Instant now = Instant.now();
            for (ScheduledTask rule : rules) {
                Instant next = rule.schedule().nextAfter(now.atZone(rule.zone()))
                        .map(ZonedDateTime::toInstant).orElse(null);
                updates.add(store.ran(client, rule, next));
            }
            return Unis.all(updates).replaceWith(rules);
        }));
        return due.chain(rules -> {
                    List<Uni<Void>> runs = new ArrayList<>();
                    rules.forEach(rule -> runs.add(run(rule)));
                    return Unis.all(runs).replaceWithVoid();
                })
                .onFailure().invoke(e -> LOG.warnf("scheduled tasks not run: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> run(ScheduledTask rule) {
        JsonNode params = rule.runTask();
        String reference = params.path("taskDefinition").asText();
        Uni<TaskLauncher.Launched> launched = definitions.resolve(rule.tenant(),
                        TaskDefinitionReference.parse(reference))
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().failure(new IllegalArgumentException("no task definition '" + reference + "'"))
                        : launcher.launch(TaskLauncher.Launch.scheduled(rule.tenant(), rule.cluster(), found.get(),
                        params.hasNonNull("overrides") ? params.get("overrides") : null, params.path("count").asInt(1),
                        params.hasNonNull("group") ? params.get("group").asText() : "family:" + found.get().family(),
                        rule.name(),
                        PlacementParameters.constraints("placementConstraints", list(params.get("placementConstraints"),
                                PlacementParameters.ConstraintSpec.class)),
                        PlacementParameters.strategies("placementStrategy", list(params.get("placementStrategy"),
                                PlacementParameters.StrategySpec.class)))));
        return launched.chain(result -> store.result(rule, json.valueToTree(Map.of("at", Instant.now().toString(),
                                "taskArns", result.tasks().stream().map(Task::arn).toList(), "failures", result.failures()))
                        .toString()))
                .onFailure().recoverWithUni(e -> store.result(rule, json.valueToTree(Map.of("at", Instant.now().toString(),
                        "error", String.valueOf(e.getMessage()))).toString()));
    }

    private <T> List<T> list(JsonNode node, Class<T> type) {
        List<T> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> items.add(json.convertValue(item, type)));
        }
        return items;
    }
}
