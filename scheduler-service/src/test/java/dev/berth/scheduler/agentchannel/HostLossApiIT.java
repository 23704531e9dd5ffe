package dev.berth.scheduler.agentchannel;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host that goes silent is lost within the bound: its tasks are STOPPED and replaced elsewhere,
 * nothing is sent to it meanwhile (its containers keep serving), and when its agent is back with
 * those tasks still running it is told to stop them, and they stay STOPPED.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class HostLossApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String clusterPath(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster;
    }

    private static JsonPath task(String cluster, String arn) {
        return as("acme-viewer").get(clusterPath(cluster) + "/tasks/" + arn.substring(arn.lastIndexOf('/') + 1))
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean agentConnected(String cluster, ScriptedHost host) {
        return as("acme-viewer").get(clusterPath(cluster) + "/container-instances/" + host.hostId()).then().statusCode(200)
                .extract().jsonPath().getBoolean("containerInstance.agentConnected");
    }

    private static Set<String> stopsSent(ScriptedHost host) {
        return host.commands().stream().filter(c -> AgentMessage.Command.STOP_TASK.equals(c.action()))
                .map(c -> c.stopTask().taskArn()).collect(Collectors.toSet());
    }

    @Test
    void aLostHostsTasksAreReplacedAndItIsToldToStopThemWhenItsAgentIsBack() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            as("acme-deployer").body(Map.of("serviceName", "web", "taskDefinition", webTask(128, 128), "desiredCount", 2))
                    .post(clusterPath(cluster) + "/services").then().statusCode(200);
            a.await("two tasks on the first host", () -> a.running() == 2, WAIT);
            List<String> onA = a.tasks().entrySet().stream().filter(e -> e.getValue().equals("RUNNING"))
                    .map(Map.Entry::getKey).toList();

            try (ScriptedHost b = host(cluster, "zone-b")) {
                a.stopHeartbeats();
                a.await("the silent host lost, its tasks STOPPED", () -> !agentConnected(cluster, a) && onA.stream()
                        .allMatch(arn -> "STOPPED".equals(task(cluster, arn).getString("task.lastStatus"))), WAIT);
                for (String arn : onA) {
                    assertEquals("HostLost", task(cluster, arn).getString("task.stopCode"));
                }
                b.await("replacements on the other host", () -> b.running() == 2, WAIT);
                assertTrue(stopsSent(a).isEmpty(), "nothing is sent to a lost host: " + stopsSent(a));
                assertEquals(2L, a.running(), "the lost host's containers keep serving");

                // the agent is back (here on the connection it kept): it says hello with its tasks RUNNING
                int connects = a.connects();
                a.resumeHeartbeats();
                a.await("stops for the tasks stopped while the host was lost",
                        () -> stopsSent(a).containsAll(onA) && a.running() == 0, WAIT);
                assertTrue(a.connects() > connects, "the agent said hello again");
                a.await("the host connected again", () -> agentConnected(cluster, a), WAIT);
                for (String arn : onA) {
                    JsonPath stopped = task(cluster, arn);
                    assertEquals("STOPPED", stopped.getString("task.lastStatus"), "not resurrected");
                    assertEquals("HostLost", stopped.getString("task.stopCode"));
                }
                assertEquals(2L, b.running(), "the replacements keep running");
            }
        }
    }
}
