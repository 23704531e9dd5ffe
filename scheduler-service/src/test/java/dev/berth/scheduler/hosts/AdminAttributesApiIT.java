package dev.berth.scheduler.hosts;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.channel;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.TestHosts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an admin sets on a host wins over what its agent reports; berth.* attributes come only from the platform. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AdminAttributesApiIT {

    @Test
    void anAdminsAttributeWinsOverTheAgentsAlsoAfterTheAgentReconnects() {
        String cluster = newCluster();
        String attributes = "/api/scheduler/v1/clusters/" + cluster + "/attributes";
        HostCredentials credentials = TestHosts.register("acme", cluster);
        ScriptedHost.Spec spec = new ScriptedHost.Spec(1024, 1024, Map.of("berth.availability-zone", "zone-a",
                "stack", "from-agent", "rack", "r1"));
        String described = "/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + credentials.hostId();
        try (ScriptedHost first = ScriptedHost.connect(channel(), credentials, spec)) {
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "stack", "value", "from-admin",
                            "targetId", first.hostId()))))
                    .put(attributes).then().statusCode(200);
            as("acme-viewer").get(described).then().statusCode(200)
                    .body("containerInstance.attributes.find { it.name == 'stack' }.value", equalTo("from-admin"));
        }
        try (ScriptedHost again = ScriptedHost.connect(channel(), credentials, spec)) {
            again.await("reconnected", again::connected, Duration.ofSeconds(20));
            as("acme-viewer").get(described).then().statusCode(200)
                    .body("containerInstance.attributes.find { it.name == 'stack' }.value", equalTo("from-admin"))
                    .body("containerInstance.attributes.find { it.name == 'rack' }.value", equalTo("r1"))
                    .body("containerInstance.attributes.find { it.name == 'berth.availability-zone' }.value",
                            equalTo("zone-a"));
        }
    }

    @Test
    void aTenantCannotSetOrDeletePlatformAttributes() {
        String cluster = newCluster();
        String attributes = "/api/scheduler/v1/clusters/" + cluster + "/attributes";
        HostCredentials credentials = TestHosts.register("acme", cluster);
        try (ScriptedHost host = ScriptedHost.connect(channel(), credentials, new ScriptedHost.Spec(1024, 1024,
                Map.of("berth.instance-type", "t3.small")))) {
            for (String name : List.of("berth.instance-type", "berth.os-type", "Berth.availability-zone")) {
                as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", name, "value", "x",
                                "targetId", host.hostId()))))
                        .put(attributes).then().statusCode(400)
                        .body("message", containsString("attributes[0].name: '" + name + "'"));
            }
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "berth.instance-type",
                            "targetId", host.hostId()))))
                    .post(attributes + "/delete").then().statusCode(400);
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + host.hostId())
                    .then().statusCode(200)
                    .body("containerInstance.attributes.find { it.name == 'berth.instance-type' }.value",
                            equalTo("t3.small"));
        }
    }
}
