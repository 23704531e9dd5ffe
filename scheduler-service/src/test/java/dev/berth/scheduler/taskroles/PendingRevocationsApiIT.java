package dev.berth.scheduler.taskroles;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.register;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Revocations the gateway did not confirm stay in pending_revocation and are tried again with a
 * growing delay. The tests' gateway address is a closed port, so every call fails for real.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class PendingRevocationsApiIT {

    @Inject
    Pool pool;

    private Optional<Row> pending(String kind, String subjectId) throws Exception {
        var rows = pool.preparedQuery("SELECT attempts, last_error, next_attempt_at, now() AS now FROM pending_revocation "
                        + "WHERE kind = $1 AND tenant = 'acme' AND subject_id = $2")
                .execute(Tuple.of(kind, subjectId)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    private Row awaitAttempts(ScriptedHost anyHost, String kind, String subjectId, int attempts) throws Exception {
        anyHost.await(kind + " " + subjectId + " tried " + attempts + " times", () -> {
            try {
                return pending(kind, subjectId).map(r -> r.getInteger("attempts") >= attempts).orElse(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(30));
        return pending(kind, subjectId).orElseThrow();
    }

    @Test
    void aDeregisteredHostsRevocationIsKeptAndTriedAgainLater() throws Exception {
        String cluster = newCluster();
        try (ScriptedHost host = host(cluster, "zone-a")) {
            as("acme-admin").delete("/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + host.hostId()
                    + "?force=true").then().statusCode(200);
            Row first = awaitAttempts(host, "HOST_CREDENTIALS", host.hostId(), 1);
            assertTrue(!first.getString("last_error").isBlank(), "the failure is recorded");
            Row second = awaitAttempts(host, "HOST_CREDENTIALS", host.hostId(), 2);
            Duration wait = Duration.between(second.getOffsetDateTime("now"), second.getOffsetDateTime("next_attempt_at"));
            assertTrue(wait.compareTo(Duration.ofSeconds(2)) > 0, "the third try waits longer: " + wait);
        }
    }

    @Test
    void aStoppedTasksRoleReleaseIsKeptUntilTheGatewayConfirms() throws Exception {
        String cluster = newCluster();
        String definition = register("""
                {"family": "role-%s", "taskRoleArn": "arn:berth:iam::acme:role/app",
                 "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 16}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 6)));
        try (ScriptedHost host = host(cluster, "zone-a")) {
            String arn = as("acme-deployer").body(Map.of("taskDefinition", definition))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                    .extract().path("tasks[0].taskArn");
            String taskId = arn.substring(arn.lastIndexOf('/') + 1);
            host.await("task running", () -> host.running() == 1, Duration.ofSeconds(20));
            as("acme-deployer").body(Map.of()).post("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + taskId + "/stop")
                    .then().statusCode(200);
            Row row = awaitAttempts(host, "TASK_CREDENTIALS", taskId, 1);
            OffsetDateTime next = row.getOffsetDateTime("next_attempt_at");
            assertTrue(next.isAfter(row.getOffsetDateTime("now")), "tried again later, not given up");
        }
    }
}
