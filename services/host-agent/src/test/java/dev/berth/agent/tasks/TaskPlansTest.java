package dev.berth.agent.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.agent.engine.ContainerSpec;
import dev.berth.agent.protocol.AgentMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskPlansTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:berth:ecs::acme:task/prod/0123abcd";
    private static final TaskPlans.Owner OWNER = new TaskPlans.Owner("acme", "prod", "h-1");

    private static AgentMessage.StartTask start(String definition, String overrides,
                                                List<AgentMessage.NetworkBinding> bindings) throws Exception {
        return start(definition, overrides, bindings, null);
    }

    private static AgentMessage.StartTask start(String definition, String overrides,
                                                List<AgentMessage.NetworkBinding> bindings,
                                                AgentMessage.ElevatedAccess allowed) throws Exception {
        JsonNode def = JSON.readTree(definition);
        return new AgentMessage.StartTask(ARN, "arn:berth:ecs::acme:task-definition/web:3", def,
                overrides == null ? null : JSON.readTree(overrides), bindings, "service:web", "ecs-svc/1", allowed);
    }

    @Test
    void refusesHostNetworkPrivilegedAndAddedCapabilitiesUnlessTheClusterAllowsThem() throws Exception {
        String host = """
                {"family":"f","networkMode":"host","containerDefinitions":[{"name":"a","image":"busybox"}]}
                """;
        String privileged = """
                {"family":"f","containerDefinitions":[{"name":"a","image":"busybox","privileged":true}]}
                """;
        String capabilities = """
                {"family":"f","containerDefinitions":[{"name":"a","image":"busybox",
                 "linuxParameters":{"capabilities":{"add":["NET_ADMIN"]}}}]}
                """;
        ElevatedAccessRefused refused = assertThrows(ElevatedAccessRefused.class,
                () -> TaskPlans.from(start(host, null, List.of()), OWNER));
        assertTrue(refused.getMessage().contains("host networking"), refused.getMessage());
        assertThrows(ElevatedAccessRefused.class, () -> TaskPlans.from(start(host, null, List.of(),
                new AgentMessage.ElevatedAccess(true, false)), OWNER));
        refused = assertThrows(ElevatedAccessRefused.class, () -> TaskPlans.from(start(privileged, null, List.of(),
                new AgentMessage.ElevatedAccess(false, true)), OWNER));
        assertTrue(refused.getMessage().contains("privileged"), refused.getMessage());
        refused = assertThrows(ElevatedAccessRefused.class, () -> TaskPlans.from(start(capabilities, null, List.of()),
                OWNER));
        assertTrue(refused.getMessage().contains("NET_ADMIN"), refused.getMessage());

        assertEquals("host", TaskPlans.from(start(host, null, List.of(), new AgentMessage.ElevatedAccess(false, true)),
                OWNER).containers().get(0).spec().networkMode());
        ContainerSpec allowed = TaskPlans.from(start(privileged, null, List.of(),
                new AgentMessage.ElevatedAccess(true, false)), OWNER).containers().get(0).spec();
        assertTrue(allowed.privileged());
        assertEquals(List.of("NET_ADMIN"), TaskPlans.from(start(capabilities, null, List.of(),
                new AgentMessage.ElevatedAccess(true, false)), OWNER).containers().get(0).spec().addedCapabilities());
    }

    @Test
    void aStartCommandWithoutThePermissionsFieldAllowsNothing() throws Exception {
        AgentMessage.StartTask task = dev.berth.agent.protocol.AgentMessages.json().readValue("""
                {"taskArn":"%s","taskDefinitionArn":"x",
                 "taskDefinition":{"family":"f","networkMode":"host","containerDefinitions":[{"name":"a","image":"b"}]}}
                """.formatted(ARN), AgentMessage.StartTask.class);
        assertEquals(AgentMessage.ElevatedAccess.NONE, task.allowed());
        assertThrows(ElevatedAccessRefused.class, () -> TaskPlans.from(task, OWNER));
    }

    @Test
    void mapsAnEcsContainerDefinitionToWhatTheEngineCreates() throws Exception {
        TaskPlan plan = TaskPlans.from(start("""
                {"family":"web","cpu":"0.5 vCPU","containerDefinitions":[{"name":"app","image":"127.0.0.1:8080/acme/web:1",
                 "cpu":256,"memory":512,"memoryReservation":128,"entryPoint":["/bin/sh"],"command":["-c","run"],
                 "environment":[{"name":"MODE","value":"prod"}],"workingDirectory":"/srv","dockerLabels":{"team":"web"},
                 "portMappings":[{"containerPort":8080,"hostPort":0}],"stopTimeout":5,
                 "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/web","awslogs-stream-prefix":"w"}}}]}
                """, null, List.of(new AgentMessage.NetworkBinding("app", 8080, 49153, "tcp"))), OWNER);

        assertEquals("0123abcd", plan.taskId());
        ContainerPlan app = plan.containers().get(0);
        ContainerSpec spec = app.spec();
        assertEquals("berth-0123abcd-app", spec.containerName());
        assertEquals(256, spec.cpuShares());
        assertEquals(512_000_000_000L / 1024, spec.nanoCpus(), "task cpu 0.5 vCPU caps each container at half a core");
        assertEquals(512L << 20, spec.memoryBytes());
        assertEquals(128L << 20, spec.memoryReservationBytes());
        assertEquals(List.of("/bin/sh"), spec.entryPoint());
        assertEquals(List.of("-c", "run"), spec.command());
        assertEquals("prod", spec.environment().get("MODE"));
        assertEquals("/srv", spec.workingDirectory());
        assertEquals("web", spec.labels().get("team"));
        assertEquals(ARN, spec.labels().get(TaskLabels.TASK_ARN));
        assertEquals("h-1", spec.labels().get(TaskLabels.HOST_ID));
        assertEquals(List.of(new ContainerSpec.PortBinding(8080, 49153, "tcp")), spec.portBindings());
        assertEquals("bridge", spec.networkMode());
        assertEquals(Duration.ofSeconds(5), app.stopTimeout());
        assertEquals(new ContainerPlan.LogDestination("/web", "w/app/0123abcd"), app.logs());
        assertTrue(app.essential());
        assertEquals(256, plan.cpu());
        assertEquals(512, plan.memory());
    }

    @Test
    void ecsDefaultsApplyWhereTheDefinitionIsSilent() throws Exception {
        TaskPlan plan = TaskPlans.from(start("""
                {"family":"f","networkMode":"host","containerDefinitions":[{"name":"a","image":"busybox"}]}
                """, null, List.of(), new AgentMessage.ElevatedAccess(false, true)), OWNER);
        ContainerPlan a = plan.containers().get(0);
        assertEquals(TaskPlans.MIN_CPU_SHARES, a.spec().cpuShares());
        assertEquals(0, a.spec().memoryBytes());
        assertEquals(0, a.spec().nanoCpus());
        assertEquals(TaskPlans.DEFAULT_STOP_TIMEOUT, a.stopTimeout());
        assertNull(a.spec().command(), "the image's own command");
        assertNull(a.logs(), "no awslogs, nothing forwarded");
        assertNull(a.healthCheck());
        assertEquals("host", a.spec().networkMode());
        assertTrue(a.essential());
    }

    @Test
    void runTaskOverridesReplaceCommandAndAddEnvironment() throws Exception {
        TaskPlan plan = TaskPlans.from(start("""
                {"family":"f","containerDefinitions":[{"name":"a","image":"i","command":["serve"],
                 "environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"memory":64}]}
                """, """
                {"containerOverrides":[{"name":"a","command":["migrate"],"environment":[{"name":"B","value":"3"}],
                 "memory":128}],"taskRoleArn":"arn:berth:iam::acme:role/app"}
                """, List.of()), OWNER);
        ContainerSpec spec = plan.containers().get(0).spec();
        assertEquals(List.of("migrate"), spec.command());
        assertEquals("1", spec.environment().get("A"));
        assertEquals("3", spec.environment().get("B"));
        assertEquals(128L << 20, spec.memoryBytes());
        assertEquals("arn:berth:iam::acme:role/app", plan.taskRoleArn());
    }

    @Test
    void healthChecksAndDependenciesComeAcrossInEcsForms() throws Exception {
        TaskPlan plan = TaskPlans.from(start("""
                {"family":"f","containerDefinitions":[
                 {"name":"db","image":"i","healthCheck":{"command":["CMD-SHELL","pg_isready"],"interval":5,"retries":2}},
                 {"name":"app","image":"i","essential":false,"healthCheck":{"command":["CMD","/bin/check","-q"]},
                  "dependsOn":[{"containerName":"db","condition":"HEALTHY"}]}]}
                """, null, List.of()), OWNER);
        ContainerPlan.HealthCheck db = plan.container("db").orElseThrow().healthCheck();
        assertEquals(List.of("/bin/sh", "-c", "pg_isready"), db.command());
        assertEquals(Duration.ofSeconds(5), db.interval());
        assertEquals(2, db.retries());
        assertEquals(Duration.ofSeconds(5), db.timeout(), "ECS default timeout");
        ContainerPlan app = plan.container("app").orElseThrow();
        assertEquals(List.of("/bin/check", "-q"), app.healthCheck().command());
        assertEquals(Duration.ofSeconds(30), app.healthCheck().interval(), "ECS default interval");
        assertFalse(app.essential());
        assertEquals(List.of(new ContainerPlan.Dependency("db", ContainerPlan.Condition.HEALTHY)), app.dependsOn());
    }

    @Test
    void taskCpuIsReadInEveryFormEcsAccepts() {
        assertEquals(256, TaskPlans.units(JSON.valueToTree(256)));
        assertEquals(256, TaskPlans.units(JSON.valueToTree("256")));
        assertEquals(2048, TaskPlans.units(JSON.valueToTree("2 vCPU")));
        assertEquals(0, TaskPlans.units(JSON.missingNode()));
    }

    @Test
    void theTaskLevelCpuOverrideLimitsTheContainersAsTheSchedulerReservedIt() throws Exception {
        String definition = """
                {"family":"f","cpu":"256","containerDefinitions":[{"name":"a","image":"busybox","memory":0,
                 "memoryReservation":32}]}
                """;
        TaskPlan plan = TaskPlans.from(start(definition, "{\"cpu\":\"1 vCPU\"}", List.of()), OWNER);
        assertEquals(1_000_000_000L, plan.containers().get(0).spec().nanoCpus());
        assertEquals(32, plan.memory(), "no hard limit: the soft one is reserved");
        assertEquals(250_000_000L, TaskPlans.from(start(definition, null, List.of()), OWNER)
                .containers().get(0).spec().nanoCpus());
    }

    /** Metrics measure a task against what ECS does: task-level sizes first, then each container's soft limit. */
    @Test
    void utilizationIsMeasuredAgainstTaskLevelSizesElseContainersSoftLimits() throws Exception {
        TaskPlan sized = TaskPlans.from(start("""
                {"family":"f","cpu":"0.5 vCPU","memory":"1 GB","containerDefinitions":[
                 {"name":"a","image":"i","cpu":128,"memory":256}]}
                """, null, List.of()), OWNER);
        assertEquals(512, sized.taskCpu());
        assertEquals(1024, sized.taskMemory());
        assertEquals(512, sized.utilizationCpu());
        assertEquals(1024.0, sized.utilizationMemory());
        assertEquals(128, sized.cpu(), "what the heartbeat reports stays the containers' sum");

        TaskPlan byContainers = TaskPlans.from(start("""
                {"family":"f","containerDefinitions":[{"name":"a","image":"i","cpu":256,"memory":512,"memoryReservation":128},
                 {"name":"b","image":"i","memory":64}]}
                """, null, List.of()), OWNER);
        assertEquals(256, byContainers.utilizationCpu());
        assertEquals(128.0 + 64.0, byContainers.utilizationMemory(), "soft limit where given, else the hard one");
        assertEquals(576, byContainers.memory(), "placement reserves the hard limits");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"512 | 512", "1 GB | 1024", "2gb | 2048", "0.5 GB | 512", "''  | 0",
            "lots | 0"})
    void taskLevelMemoryIsReadAsEcsWritesIt(String written, int mib) {
        assertEquals(mib, TaskPlans.mebibytes(written));
    }
}
