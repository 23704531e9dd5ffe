package dev.berth.e2e.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's API as one contract: the merged OpenAPI document is valid OpenAPI, names every
 * operation with its request and response schemas (so a client can be generated from it), and
 * the answers of a walk through every service fit it.
 */
class ApiContractIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static OpenApiDocument api;

    @BeforeAll
    static void platformIsUp() {
        LocalPlatform.ensureWholePlatform();
        api = OpenApiDocument.fetch();
    }

    @Test
    void theMergedDocumentIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(api.json().toString(), null, options);
        assertNotNull(parsed.getOpenAPI(), "parsed");
        assertEquals(List.of(), parsed.getMessages(), "the parser's complaints");
        assertTrue(api.json().path("x-berth-unavailable-services").isMissingNode(), "every service's document is in");
        assertTrue(api.operations().size() > 80, "operations: " + api.operations().size());
    }

    @Test
    void everyOperationHasAnIdItsSchemasAndTheErrorShape() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (OpenApiDocument.Operation operation : api.operations()) {
            JsonNode node = operation.node();
            if (operation.id() == null) {
                problems.add(operation + ": no operationId");
            } else if (!ids.add(operation.id())) {
                problems.add(operation + ": operationId used twice");
            }
            JsonNode body = node.path("requestBody").path("content");
            body.properties().forEach(media -> {
                if (!media.getValue().has("schema")) {
                    problems.add(operation + ": request " + media.getKey() + " without a schema");
                }
            });
            List<String> successes = new ArrayList<>();
            node.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    successes.add(response.getKey());
                    // 201, 202 and 204 may answer without a body; a body is always described
                    boolean mayBeEmpty = List.of("201", "202", "204").contains(response.getKey());
                    JsonNode content = response.getValue().path("content");
                    if ((content.isEmpty() && !mayBeEmpty) || content.properties().stream()
                            .anyMatch(media -> !media.getValue().has("schema"))) {
                        problems.add(operation + ": response " + response.getKey() + " without a schema");
                    }
                }
            });
            if (successes.isEmpty()) {
                problems.add(operation + ": no success response");
            }
            for (String status : List.of("400", "401", "403", "500")) {
                String ref = node.path("responses").path(status).path("content").path("application/json")
                        .path("schema").path("$ref").asText();
                if (!ref.endsWith("/Error")) {
                    problems.add(operation + ": " + status + " is not the Error shape");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A user's walk through every service, each answer checked against the document. */
    @Test
    void theAnswersOfAWalkThroughEveryServiceFitTheDocument() {
        ContractCheck contract = new ContractCheck(api);
        String cluster = "contract-" + RUN;
        String family = "contract-" + RUN;
        String repository = "contract-" + RUN;
        String group = "/contract/" + RUN;
        String encodedGroup = group.replace("/", "%2F");

        // identity
        as(contract).get("/api/iam/v1/users").then().statusCode(200);
        as(contract).get("/api/iam/v1/task-roles").then().statusCode(200);
        as(contract).get("/api/gateway/v1/caller").then().statusCode(200);

        // registry
        as(contract).body(Map.of("repositoryName", repository)).post("/api/registry/v1/repositories").then().statusCode(201);
        as(contract).get("/api/registry/v1/repositories").then().statusCode(200);
        as(contract).get("/api/registry/v1/repositories/" + repository).then().statusCode(200);
        as(contract).get("/api/registry/v1/repositories/" + repository + "/images").then().statusCode(200);
        as(contract).get("/api/registry/v1/repositories/" + repository + "/lifecycle-policy").then().statusCode(404);
        as(contract).get("/api/registry/v1/repositories/no-such-" + RUN).then().statusCode(404);
        as(contract).get("/api/registry/v1/quota").then().statusCode(200);
        as(contract).delete("/api/registry/v1/repositories/" + repository).then().statusCode(200);

        // scheduler
        as(contract).body(Map.of("clusterName", cluster)).post("/api/scheduler/v1/clusters").then().statusCode(200);
        as(contract).get("/api/scheduler/v1/clusters").then().statusCode(200);
        as(contract).get("/api/scheduler/v1/clusters/" + cluster).then().statusCode(200);
        as(contract).get("/api/scheduler/v1/clusters/no-such-" + RUN).then().statusCode(404);
        as(contract).body(Map.of("family", family, "containerDefinitions", List.of(Map.of("name", "app",
                        "image", "127.0.0.1:8080/acme/app:1", "memory", 64, "essential", true))))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(201);
        as(contract).get("/api/scheduler/v1/task-definitions").then().statusCode(200);
        as(contract).get("/api/scheduler/v1/task-definitions/" + family + ":1").then().statusCode(200);
        as(contract).body(Map.of("family", family, "containerDefinitions", List.of(Map.of("name", "app"))))
                .post("/api/scheduler/v1/task-definitions").then().statusCode(400);
        String clusterPath = "/api/scheduler/v1/clusters/" + cluster;
        // no host in the cluster: ECS's InvalidParameterException, naming the cluster
        as(contract).body(Map.of("taskDefinition", family)).post(clusterPath + "/tasks").then().statusCode(400)
                .body("field", equalTo("cluster"));
        as(contract).get(clusterPath + "/tasks").then().statusCode(200);
        as(contract).body(Map.of("tasks", List.of("no-such-task"))).post(clusterPath + "/tasks/describe")
                .then().statusCode(200);
        as(contract).get(clusterPath + "/container-instances").then().statusCode(200);
        as(contract).body(Map.of("taskDefinition", family, "count", 2)).post(clusterPath + "/placement-plans")
                .then().statusCode(200);
        as(contract).body(Map.of("serviceName", "web", "taskDefinition", family, "desiredCount", 0))
                .post(clusterPath + "/services").then().statusCode(200);
        as(contract).get(clusterPath + "/services").then().statusCode(200);
        as(contract).get(clusterPath + "/services/web").then().statusCode(200);
        as(contract).body(Map.of("desiredCount", 0)).put(clusterPath + "/services/web").then().statusCode(200);
        as(contract).body(Map.of("desiredCount", -1)).put(clusterPath + "/services/web").then().statusCode(400);
        as(contract).delete(clusterPath + "/services/web").then().statusCode(200);
        as(contract).body(Map.of("scheduleExpression", "rate(1 day)", "taskDefinition", family))
                .put(clusterPath + "/scheduled-tasks/nightly").then().statusCode(200);
        as(contract).get(clusterPath + "/scheduled-tasks").then().statusCode(200);
        as(contract).delete(clusterPath + "/scheduled-tasks/nightly").then().statusCode(204);
        String clusterArn = "arn:berth:ecs::globex:cluster/" + cluster;
        as(contract).body(Map.of("resourceArn", clusterArn, "tags", List.of(Map.of("key", "team", "value", "web"))))
                .post("/api/scheduler/v1/tags").then().statusCode(200);
        as(contract).queryParam("resourceArn", clusterArn).get("/api/scheduler/v1/tags").then().statusCode(200);
        as(contract).delete("/api/scheduler/v1/task-definitions/" + family + ":1").then().statusCode(200);
        as(contract).delete(clusterPath).then().statusCode(200);

        // logs
        as(contract).body(Map.of("logGroupName", group, "retentionInDays", 1)).post("/api/logs/v1/log-groups")
                .then().statusCode(200);
        as(contract).get("/api/logs/v1/log-groups").then().statusCode(200);
        as(contract).get("/api/logs/v1/log-groups/" + encodedGroup).then().statusCode(200);
        as(contract).body(Map.of("logStreamName", "s")).post("/api/logs/v1/log-groups/" + encodedGroup + "/streams")
                .then().statusCode(200);
        as(contract).get("/api/logs/v1/log-groups/" + encodedGroup + "/streams").then().statusCode(200);
        as(contract).body(Map.of("logEvents", List.of(Map.of("timestamp", System.currentTimeMillis(), "message", "hello"))))
                .post("/api/logs/v1/log-groups/" + encodedGroup + "/streams/s/events").then().statusCode(200);
        as(contract).get("/api/logs/v1/log-groups/" + encodedGroup + "/streams/s/events").then().statusCode(200);
        as(contract).body(Map.of("filterPattern", "hello")).post("/api/logs/v1/log-groups/" + encodedGroup + "/events:filter")
                .then().statusCode(200);
        as(contract).get("/api/logs/v1/usage").then().statusCode(200);
        as(contract).get("/api/logs/v1/log-groups/%2Fno-such-" + RUN).then().statusCode(404);
        as(contract).delete("/api/logs/v1/log-groups/" + encodedGroup).then().statusCode(204);

        assertTrue(contract.checked() >= 45, "calls checked: " + contract.checked());
        assertEquals(List.of(), contract.violations());
    }

    private static RequestSpecification as(ContractCheck contract) {
        return given().baseUri(OpenApiDocument.GATEWAY).urlEncodingEnabled(false)
                .auth().oauth2(Tokens.forDemoUser("globex-admin")).contentType("application/json").filter(contract);
    }
}
