package dev.berth.scheduler.taskdefinitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ECS's RegisterTaskDefinition rules, starting from the example in AWS's documentation. */
class TaskDefinitionValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static ObjectNode webserver() throws Exception {
        try (InputStream in = TaskDefinitionValidatorTest.class.getResourceAsStream("/task-definitions/webserver.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static TaskDefinitionValidator.Sizes validate(String json) throws Exception {
        return TaskDefinitionValidator.validate(JSON.readValue(json, TaskDefinitionSpec.class));
    }

    @Test
    void theDocumentationsExampleIsValidAndSizedByItsContainer() throws Exception {
        assertEquals(new TaskDefinitionValidator.Sizes(99, 100), validate(webserver().toString()));
    }

    @Test
    void taskLevelSizesWinAndAcceptEcsUnits() throws Exception {
        ObjectNode def = webserver();
        def.put("cpu", "1 vCPU").put("memory", "0.5 GB");
        assertEquals(new TaskDefinitionValidator.Sizes(1024, 512), validate(def.toString()));
    }

    /** Each row: a JSON patch applied to the example (a path and a JSON value), the field named, a part of the message. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            /family ; "" ; family ; is required
            /family ; "web server" ; family ; may hold up to 255
            /containerDefinitions ; [] ; containerDefinitions ; at least one container
            /containerDefinitions/0/image ; null ; containerDefinitions[0].image ; is required
            /containerDefinitions/0/memoryReservation ; 200 ; containerDefinitions[0].memory ; must be at least memoryReservation (200 MiB), got 100
            /containerDefinitions/0/memory ; 4 ; containerDefinitions[0].memory ; at least 6 MiB
            /containerDefinitions/0/essential ; false ; containerDefinitions ; at least one container must be essential
            /containerDefinitions/0/portMappings/0/containerPort ; 70000 ; containerDefinitions[0].portMappings[0].containerPort ; 1 to 65535
            /containerDefinitions/0/portMappings/0/protocol ; "sctp" ; containerDefinitions[0].portMappings[0].protocol ; tcp or udp
            /containerDefinitions/0/dependsOn ; [{"containerName":"db","condition":"START"}] ; containerDefinitions[0].dependsOn[0].containerName ; 'db' is not a container
            /containerDefinitions/0/dependsOn ; [{"containerName":"web-server","condition":"START"}] ; containerDefinitions[0].dependsOn[0].containerName ; cannot depend on itself
            /containerDefinitions/0/healthCheck ; {"command":["curl","localhost"]} ; containerDefinitions[0].healthCheck.command ; CMD
            /containerDefinitions/0/healthCheck ; {"command":["CMD-SHELL","true"],"interval":1} ; containerDefinitions[0].healthCheck.interval ; between 5 and 300
            /containerDefinitions/0/logConfiguration ; {"logDriver":"syslogd"} ; containerDefinitions[0].logConfiguration.logDriver ; not one of
            /containerDefinitions/0/stopTimeout ; 600 ; containerDefinitions[0].stopTimeout ; between 2 and 120
            /containerDefinitions/0/environment ; [{"value":"x"}] ; containerDefinitions[0].environment[0].name ; is required
            /networkMode ; "overlay" ; networkMode ; not one of
            /cpu ; "lots" ; cpu ; neither cpu units
            /memory ; "64" ; memory ; the containers need 100 MiB, more than the task's 64
            /placementConstraints ; [{"type":"distinctInstance"}] ; placementConstraints[0].type ; memberOf constraints only
            /placementConstraints ; [{"type":"memberOf","expression":"attribute:ecs.instance-type =="}] ; placementConstraints[0].expression ; where a value was expected
            /requiresCompatibilities ; ["FARGATE"] ; requiresCompatibilities[0] ; Berth runs tasks on its own hosts
            """)
    void namesTheFieldThatBreaksARule(String path, String value, String field, String problem) throws Exception {
        ObjectNode def = webserver();
        JsonPatch.set(def, path, JSON.readTree(value));
        InvalidTaskDefinitionException error = assertThrows(InvalidTaskDefinitionException.class, () -> validate(def.toString()));
        assertTrue(error.getMessage().startsWith(field + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void containerRulesAcrossTheTask() throws Exception {
        ObjectNode def = webserver();
        ObjectNode sidecar = def.withArray("containerDefinitions").addObject();
        sidecar.put("name", "web-server").put("image", "busybox").put("memory", 32);
        assertMessage(def, "containerDefinitions[1].name: 'web-server' is used by another container");

        sidecar.put("name", "sidecar").putArray("portMappings").addObject().put("containerPort", 8080).put("hostPort", 80);
        assertMessage(def, "containerDefinitions[1].portMappings[0].hostPort: host port tcp/80 is used twice");

        sidecar.remove("portMappings");
        sidecar.putArray("dependsOn").addObject().put("containerName", "web-server").put("condition", "HEALTHY");
        assertMessage(def, "containerDefinitions[1].dependsOn[0].condition: HEALTHY needs a healthCheck on 'web-server'");

        sidecar.withArray("dependsOn").removeAll().addObject().put("containerName", "web-server").put("condition", "START");
        ((ObjectNode) def.withArray("containerDefinitions").get(0)).putArray("dependsOn").addObject()
                .put("containerName", "sidecar").put("condition", "START");
        assertMessage(def, "containerDefinitions: dependsOn forms a cycle");

        ObjectNode many = webserver();
        for (int i = 0; i < 10; i++) {
            many.withArray("containerDefinitions").addObject().put("name", "c" + i).put("image", "busybox").put("memory", 8);
        }
        assertMessage(many, "containerDefinitions: at most 10 containers, got 11");

        ObjectNode smallCpu = webserver().put("cpu", "128");
        ((ObjectNode) smallCpu.withArray("containerDefinitions").get(0)).put("cpu", 200);
        assertMessage(smallCpu, "cpu: the containers need 200 cpu units, more than the task's 128");

        ObjectNode noMemory = webserver();
        ((ObjectNode) noMemory.withArray("containerDefinitions").get(0)).remove("memory");
        assertMessage(noMemory, "containerDefinitions[0].memory: memory or memoryReservation is required");
    }

    private static void assertMessage(ObjectNode def, String start) {
        InvalidTaskDefinitionException error = assertThrows(InvalidTaskDefinitionException.class, () -> validate(def.toString()));
        assertTrue(error.getMessage().startsWith(start), error.getMessage());
    }

    /** The scheduler's mapper (StrictJson): unknown fields and fractions for whole numbers are refused. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private static String refusal(ObjectNode def) {
        Exception e = assertThrows(Exception.class,
                () -> TaskDefinitionValidator.validate(STRICT.treeToValue(def, TaskDefinitionSpec.class)));
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? dev.berth.common.error.JsonProblem.describe(json) : e.getMessage();
    }

    @Test
    void everyEcsFieldIsKnownAndNothingElse() throws Exception {
        ObjectNode def = webserver();
        ((ObjectNode) def.at("/containerDefinitions/0")).put("memroy", 128);
        assertTrue(refusal(def).startsWith("containerDefinitions[0].memroy: unknown field"), refusal(def));
        ObjectNode fraction = webserver();
        ((ObjectNode) fraction.at("/containerDefinitions/0")).put("memory", 64.5);
        assertTrue(refusal(fraction).startsWith("containerDefinitions[0].memory: must be a whole number"), refusal(fraction));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            volumes                                     | [{"name": "data"}]
            pidMode                                     | "host"
            ipcMode                                     | "host"
            proxyConfiguration                          | {"containerName": "envoy"}
            containerDefinitions[0].secrets             | [{"name": "A", "valueFrom": "arn:x"}]
            containerDefinitions[0].mountPoints         | [{"sourceVolume": "data", "containerPath": "/d"}]
            containerDefinitions[0].readonlyRootFilesystem | true
            containerDefinitions[0].ulimits             | [{"name": "nofile", "softLimit": 1, "hardLimit": 2}]
            containerDefinitions[0].restartPolicy       | {"enabled": true}
            containerDefinitions[0].linuxParameters.initProcessEnabled | true
            containerDefinitions[0].logConfiguration.secretOptions | [{"name": "k", "valueFrom": "arn:x"}]
            """)
    void unsupportedEcsFieldsAreRefusedByName(String field, String value) throws Exception {
        ObjectNode def = webserver();
        ObjectNode parent = def;
        String[] steps = field.replace("containerDefinitions[0]", "containerDefinitions.0").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            com.fasterxml.jackson.databind.JsonNode next = steps[i].equals("0") ? parent.get(0) : parent.get(steps[i]);
            if (next == null) {
                next = parent.putObject(steps[i]);
            }
            parent = next.isArray() ? (ObjectNode) next.get(0) : (ObjectNode) next;
            if (i + 1 < steps.length - 1 && steps[i + 1].equals("0")) {
                i++;
            }
        }
        parent.set(steps[steps.length - 1], STRICT.readTree(value));
        if (field.contains("logConfiguration")) {
            parent.put("logDriver", "json-file");
        }
        assertEquals(field + ": not supported by Berth; leave it out", refusal(def));
    }

    @Test
    void unsupportedEcsFieldsLeftEmptyAreAccepted() throws Exception {
        ObjectNode def = webserver();
        def.putArray("volumes");
        def.putObject("runtimePlatform").put("operatingSystemFamily", "LINUX").put("cpuArchitecture", "ARM64");
        ObjectNode container = (ObjectNode) def.at("/containerDefinitions/0");
        container.putArray("mountPoints");
        container.putArray("secrets");
        container.put("readonlyRootFilesystem", false);
        container.put("hostname", "web");
        container.put("startTimeout", 30);
        container.putObject("restartPolicy").put("enabled", false);
        assertEquals(new TaskDefinitionValidator.Sizes(99, 100),
                TaskDefinitionValidator.validate(STRICT.treeToValue(def, TaskDefinitionSpec.class)));
    }
}
