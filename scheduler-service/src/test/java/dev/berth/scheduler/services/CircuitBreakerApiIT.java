package dev.berth.scheduler.services;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.awaitSteady;
import static dev.berth.scheduler.SchedulerTestClient.describe;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.register;
import static dev.berth.scheduler.SchedulerTestClient.services;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deployment circuit breaker when nothing starts: a failed rollback is not rolled back again,
 * the service stops launching tasks and says so, FAILED deployments leave the ACTIVE ones, and an
 * UpdateService starts launching again.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class CircuitBreakerApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STOPPED_LAUNCHING = "has stopped launching tasks";

    private static List<String> events(String cluster, String service) {
        return describe(cluster, service).getList("service.events.message", String.class);
    }

    private static long eventsContaining(String cluster, String service, String text) {
        return events(cluster, service).stream().filter(m -> m.contains(text)).count();
    }

    private static String definition(String family, String image) {
        return register("""
                {"family": "%s", "containerDefinitions": [{"name": "app", "image": "%s", "cpu": 64, "memory": 64,
                 "portMappings": [{"containerPort": 8080, "hostPort": 0}], "essential": true}]}
                """.formatted(family, image));
    }

    private static void create(String cluster, String service, String definition, int desiredCount) {
        as("acme-deployer").body(Map.of("serviceName", service, "taskDefinition", definition, "desiredCount", desiredCount,
                        "deploymentConfiguration", Map.of("minimumHealthyPercent", 100, "maximumPercent", 200,
                                "deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))))
                .post(services(cluster)).then().statusCode(200);
    }

    /** Start commands the host received for the service's tasks. */
    private static long starts(ScriptedHost host, String service) {
        return host.commands().stream().filter(c -> AgentMessage.Command.START_TASK.equals(c.action()))
                .filter(c -> ("service:" + service).equals(c.startTask().group())).count();
    }

    /**
     * Proves that the service scheduler made full passes over every service since now, without
     * timing: a new service needs two passes to reach a steady state (start, then see it running),
     * and each pass goes over all services.
     */
    private static void awaitTwoPasses(ScriptedHost host, String cluster, String family) {
        String clock = "clock-" + UUID.randomUUID().toString().substring(0, 6);
        String definition = definition(family + "-clock", "clock:1");
        as("acme-deployer").body(Map.of("serviceName", clock, "taskDefinition", definition, "desiredCount", 1))
                .post(services(cluster)).then().statusCode(200);
        awaitSteady(host, cluster, clock, definition, 1);
    }

    @Test
    void aRollbackThatFailsTooIsNotRolledBackAndTheServiceStopsLaunching() {
        String cluster = newCluster();
        String family = "cb-" + UUID.randomUUID().toString().substring(0, 6);
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String good = definition(family, "good:1");
            create(cluster, "cb", good, 2);
            awaitSteady(a, cluster, "cb", good, 2);

            // from now on nothing starts on the host (the images cannot be pulled), the good revision included
            a.failStarts(true);
            String bad = definition(family, "bad:1");
            as("acme-deployer").body(Map.of("taskDefinition", bad)).put(services(cluster) + "/cb").then().statusCode(200);
            a.await("the service to stop launching", () -> eventsContaining(cluster, "cb", STOPPED_LAUNCHING) > 0, WAIT);
            a.await("failed deployments to leave the ACTIVE ones", () -> {
                JsonPath s = describe(cluster, "cb");
                return s.getList("service.deployments").size() == 2;
            }, WAIT);

            JsonPath s = describe(cluster, "cb");
            assertEquals("PRIMARY", s.getString("service.deployments[0].status"));
            assertEquals("FAILED", s.getString("service.deployments[0].rolloutState"), "the rollback ends FAILED");
            assertEquals(good, s.getString("service.deployments[0].taskDefinition"), "the rollback was to the good revision");
            assertEquals("ACTIVE", s.getString("service.deployments[1].status"));
            assertEquals("COMPLETED", s.getString("service.deployments[1].rolloutState"));
            assertEquals(2, s.getInt("service.runningCount"), "the tasks of the completed deployment keep running");
            assertEquals(1, eventsContaining(cluster, "cb", "rolling back to deployment"), "one rollback: " + events(cluster, "cb"));
            assertEquals(2, eventsContaining(cluster, "cb", "deployment failed: tasks failed to start"));
            assertTrue(events(cluster, "cb").stream().anyMatch(m -> m.contains(STOPPED_LAUNCHING)
                    && m.contains("a failed rollback is not rolled back")), "the event says why: " + events(cluster, "cb"));

            long starts = starts(a, "cb");
            // 2 good tasks, then the bad deployment and the rollback: each keeps at most 2 tasks (desired) alive and
            // trips once 3 (the threshold) failed, so it starts at most 4 before its last pass and 2 in it
            assertTrue(starts <= 2 + 2 * 6, "a bounded number of failed starts, got " + (starts - 2));
            a.failStarts(false);
            awaitTwoPasses(a, cluster, family);
            assertEquals(starts, starts(a, "cb"), "no launches after the service stopped launching");
            assertEquals(1, eventsContaining(cluster, "cb", STOPPED_LAUNCHING));

            // a new deployment launches again
            String fixed = definition(family, "good:2");
            as("acme-deployer").body(Map.of("taskDefinition", fixed)).put(services(cluster) + "/cb").then().statusCode(200);
            awaitSteady(a, cluster, "cb", fixed, 2);
        }
    }

    @Test
    void aFirstDeploymentThatNeverStartsStopsLaunching() {
        String cluster = newCluster();
        String family = "never-" + UUID.randomUUID().toString().substring(0, 6);
        try (ScriptedHost a = host(cluster, "zone-a")) {
            a.failStarts(true);
            create(cluster, "never", definition(family, "unpullable:1"), 2);
            a.await("the service to stop launching", () -> eventsContaining(cluster, "never", STOPPED_LAUNCHING) > 0, WAIT);
            assertTrue(events(cluster, "never").stream().anyMatch(m -> m.contains("no earlier deployment completed")),
                    "the event says why: " + events(cluster, "never"));
            JsonPath s = describe(cluster, "never");
            assertEquals(1, s.getList("service.deployments").size());
            assertEquals("FAILED", s.getString("service.deployments[0].rolloutState"));

            long starts = starts(a, "never");
            assertTrue(starts <= 6, "at most 4 before the pass that trips the breaker and 2 in it, got " + starts);
            a.failStarts(false);
            awaitTwoPasses(a, cluster, family);
            assertEquals(starts, starts(a, "never"), "no launches after the service stopped launching");
        }
    }
}
