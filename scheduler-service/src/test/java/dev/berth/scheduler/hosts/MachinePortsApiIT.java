package dev.berth.scheduler.hosts;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.channel;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.TestHosts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents that share a machine: each host's dynamic ports come from its agent's range, and no port
 * its agent reports bound on the machine (at hello, or in a heartbeat once it changes) is given out.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MachinePortsApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void dynamicPortsComeFromTheHostsRangeAndSkipPortsBoundOnItsMachine() {
        String cluster = newCluster();
        String web = webTask(128, 128);
        ScriptedHost.Spec spec = new ScriptedHost.Spec(2048, 4096, Map.of("berth.availability-zone", "a"),
                new AgentMessage.PortRange(50100, 50103), new AgentMessage.BoundPorts(List.of(50100), List.of()));
        try (ScriptedHost host = ScriptedHost.connect(channel(), TestHosts.register("acme", cluster), spec)) {
            assertEquals(50101, runAndGetHostPort(cluster, web), "50100 is bound on the machine");

            host.boundPortsChanged(new AgentMessage.BoundPorts(List.of(50100, 50102), List.of()));
            String described = "/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + host.hostId();
            host.await("the heartbeat's ports recorded", () -> as("acme-viewer").get(described).then().statusCode(200)
                    .extract().jsonPath().getList("containerInstance.remainingResources.find { it.name == 'PORTS' }"
                            + ".stringSetValue").contains("50102"), WAIT);
            assertEquals(50103, runAndGetHostPort(cluster, web), "50102 got bound since");

            as("acme-deployer").body(Map.of("taskDefinition", web)).post("/api/scheduler/v1/clusters/" + cluster + "/tasks")
                    .then().statusCode(200).body("failures[0].reason", org.hamcrest.Matchers.equalTo("RESOURCE:PORTS"));
        }
    }

    private static int runAndGetHostPort(String cluster, String taskDefinition) {
        return as("acme-deployer").body(Map.of("taskDefinition", taskDefinition))
                .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                .extract().path("tasks[0].containers[0].networkBindings[0].hostPort");
    }
}
