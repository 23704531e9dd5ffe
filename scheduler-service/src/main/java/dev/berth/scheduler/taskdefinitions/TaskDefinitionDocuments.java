package dev.berth.scheduler.taskdefinitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Between the JSON users send and what is stored and shown. A registration accepts ECS's
 * RegisterTaskDefinition input, and also the output of a describe (wrapped in
 * {@code taskDefinition}, with its ARN, revision and status), which ECS refuses: those
 * read-only fields are dropped.
 */
@ApplicationScoped
public class TaskDefinitionDocuments {

    private static final List<String> READ_ONLY = List.of("taskDefinitionArn", "revision", "status", "registeredAt",
            "registeredBy", "deregisteredAt", "compatibilities", "requiresAttributes");

    @Inject
    ObjectMapper json;

    /** The document to store: an object without the read-only fields. */
    public ObjectNode input(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidTaskDefinitionException("body", "a JSON object is required");
        }
        ObjectNode document = body.size() == 1 && body.path("taskDefinition").isObject()
                ? (ObjectNode) body.get("taskDefinition").deepCopy() : ((ObjectNode) body).deepCopy();
        document.remove(READ_ONLY);
        return document;
    }

    /** The typed view the validator reads; a value of the wrong type is named by its path. */
    public TaskDefinitionSpec spec(ObjectNode document) {
        try {
            return json.treeToValue(document, TaskDefinitionSpec.class);
        } catch (JsonMappingException e) {
            throw new InvalidTaskDefinitionException(path(e.getPath()), "has the wrong type");
        } catch (JsonProcessingException e) {
            throw new InvalidTaskDefinitionException("body", "is not a task definition");
        }
    }

    /** A stored document as an object. */
    public ObjectNode parse(String document) {
        try {
            return (ObjectNode) json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task definition is not JSON", e);
        }
    }

    /** The stored document with what ECS's describe adds. */
    public ObjectNode view(StoredTaskDefinition stored) {
        ObjectNode view = json.createObjectNode();
        view.put("taskDefinitionArn", stored.arn());
        view.setAll(parse(stored.document()));
        view.put("revision", stored.revision());
        view.put("status", stored.status());
        view.putArray("compatibilities").add("EC2").add("EXTERNAL");
        view.put("registeredAt", stored.registeredAt().toInstant().toString());
        view.put("registeredBy", stored.registeredBy());
        if (stored.deregisteredAt() != null) {
            view.put("deregisteredAt", stored.deregisteredAt().toInstant().toString());
        }
        return view;
    }

    private static String path(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
