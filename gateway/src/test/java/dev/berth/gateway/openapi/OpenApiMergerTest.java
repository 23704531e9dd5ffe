package dev.berth.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void mergesPathsAndSchemasAndRenamesOnlyRealClashes() throws Exception {
        JsonNode gateway = json("{'openapi':'3.1.0','info':{'title':'Berth API'},'paths':{'/api/iam/v1/users':{}},"
                + "'components':{'schemas':{'Caller':{'type':'object'},'Error':{'type':'object','required':['code']}}}}");
        JsonNode registry = json("{'paths':{'/api/registry/v1/repositories':{'get':{'responses':{'200':"
                + "{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Error'}}}}}}}},"
                + "'components':{'schemas':{'Caller':{'type':'object'},'Error':{'type':'string'}}}}");
        Map<String, JsonNode> documents = new HashMap<>();
        documents.put("registry", registry);
        documents.put("logs", null);

        JsonNode merged = OpenApiMerger.merge(gateway, documents);

        assertEquals("Berth API", merged.at("/info/title").asText());
        assertTrue(merged.at("/paths").has("/api/iam/v1/users"));
        assertTrue(merged.at("/paths").has("/api/registry/v1/repositories"));
        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.has("Caller"), "identical schemas are kept once");
        assertFalse(schemas.has("registry.Caller"));
        assertEquals("object", schemas.at("/Error/type").asText(), "the first owner keeps the name");
        assertEquals("string", schemas.at("/registry.Error/type").asText());
        assertEquals("#/components/schemas/registry.Error", merged.at(
                "/paths/~1api~1registry~1v1~1repositories/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("logs", merged.at("/x-berth-unavailable-services/0").asText());
    }

    @Test
    void givesAnOperationIdAnotherServiceUsesTheServiceName() throws Exception {
        JsonNode gateway = json("{'openapi':'3.1.0','paths':{}}");
        JsonNode logs = json("{'paths':{'/api/logs/v1/tags':{'post':{'operationId':'TagResource'}}},"
                + "'components':{'securitySchemes':{'bearer':{'type':'http','scheme':'bearer'}}}}");
        JsonNode scheduler = json("{'paths':{'/api/scheduler/v1/tags':{'post':{'operationId':'TagResource'},"
                + "'parameters':[]}}}");
        Map<String, JsonNode> documents = new HashMap<>();
        documents.put("logs", logs);
        documents.put("scheduler", scheduler);

        JsonNode merged = OpenApiMerger.merge(gateway, documents);

        assertEquals("TagResource", merged.at("/paths/~1api~1logs~1v1~1tags/post/operationId").asText());
        assertEquals("SchedulerTagResource", merged.at("/paths/~1api~1scheduler~1v1~1tags/post/operationId").asText());
        assertEquals("bearer", merged.at("/components/securitySchemes/bearer/scheme").asText());
    }
}
