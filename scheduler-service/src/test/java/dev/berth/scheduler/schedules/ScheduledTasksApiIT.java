package dev.berth.scheduler.schedules;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduled tasks: rules with cron/rate in a time zone that run tasks, enabled and disabled. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ScheduledTasksApiIT {

    private static String rules(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster + "/scheduled-tasks";
    }

    @Test
    void aRuleShowsItsNextRunsInItsTimeZoneAndCanBeDisabled() {
        String cluster = newCluster();
        String definition = webTask(128, 128);
        as("acme-deployer").body(Map.of("scheduleExpression", "cron(0 9 ? * MON-FRI *)",
                        "scheduleExpressionTimezone", "Europe/Berlin", "taskDefinition", definition, "count", 2))
                .put(rules(cluster) + "/weekday-report").then().statusCode(200)
                .body("scheduledTask.state", equalTo("ENABLED"))
                .body("scheduledTask.nextRuns", hasSize(5))
                .body("scheduledTask.nextRuns[0]", containsString("T09:00+01:00[Europe/Berlin]"))
                .body("scheduledTask.runTask.count", equalTo(2));
        as("acme-deployer").body(Map.of("scheduleExpression", "cron(0 9 ? * MON-FRI *)", "state", "DISABLED",
                        "taskDefinition", definition))
                .put(rules(cluster) + "/weekday-report").then().statusCode(200)
                .body("scheduledTask.nextRuns", hasSize(0));
        as("acme-viewer").get(rules(cluster)).then().statusCode(200)
                .body("scheduledTasks.name", equalTo(List.of("weekday-report")));
        as("acme-deployer").body(Map.of("scheduleExpression", "cron(0 9 * * * *)", "taskDefinition", definition))
                .put(rules(cluster) + "/bad").then().statusCode(400).body("message", startsWith("scheduleExpression"));
        as("acme-deployer").body(Map.of("scheduleExpression", "rate(5 minutes)", "scheduleExpressionTimezone", "Mars/Base",
                        "taskDefinition", definition))
                .put(rules(cluster) + "/bad").then().statusCode(400).body("message", startsWith("scheduleExpressionTimezone"));
        as("acme-viewer").body(Map.of("scheduleExpression", "rate(5 minutes)", "taskDefinition", definition))
                .put(rules(cluster) + "/viewer").then().statusCode(403);
        as("acme-deployer").delete(rules(cluster) + "/weekday-report").then().statusCode(204);
        as("acme-viewer").get(rules(cluster) + "/weekday-report").then().statusCode(404);
    }

    @Test
    void anEveryMinuteRuleStartsTasksStartedByItsRule() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            as("acme-deployer").body(Map.of("scheduleExpression", "cron(* * * * ? *)", "taskDefinition", webTask(128, 128)))
                    .put(rules(cluster) + "/every-minute").then().statusCode(200);
            a.await("a scheduled run", () -> a.running() == 1, Duration.ofSeconds(75));
            as("acme-viewer").queryParam("startedBy", "events-rule/every-minute")
                    .get("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().body("taskArns", hasSize(1));
            as("acme-viewer").get(rules(cluster) + "/every-minute").then()
                    .body("scheduledTask.lastResult.taskArns", hasSize(1));
        }
    }
}
