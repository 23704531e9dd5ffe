package dev.berth.scheduler.taskdefinitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.common.error.JsonProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

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

    private ObjectReader stored;

    @PostConstruct
    void lenientReader() {
        stored = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * The document to store: an object without the read-only fields. A describe's output is taken
     * too, {@code {"taskDefinition": {...}, "tags": [...]}}: its tags are moved into the document.
     */
    public ObjectNode input(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidTaskDefinitionException("body", "a JSON object is required");
        }
        boolean described = body.path("taskDefinition").isObject()
                && (body.size() == 1 || body.size() == 2 && body.has("tags"));
        ObjectNode document = described ? (ObjectNode) body.get("taskDefinition").deepCopy() : ((ObjectNode) body).deepCopy();
        if (described && body.has("tags") && !document.has("tags")) {
            document.set("tags", body.get("tags").deepCopy());
        }
        document.remove(READ_ONLY);
        return document;
    }

    /**
     * A document being registered, read strictly: a field ECS's RegisterTaskDefinition does not
     * have, or a value of the wrong type (a fraction for a whole number), is refused by its path.
     */
    public TaskDefinitionSpec registration(ObjectNode document) {
        try {
            return json.treeToValue(document, TaskDefinitionSpec.class);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskDefinitionException(JsonProblem.describe(e));
        }
    }

    /**
     * The typed view of a registered document (or of its describe view, with its read-only
     * fields), read leniently: what was stored before a rule was added still runs.
     */
    public TaskDefinitionSpec spec(ObjectNode document) {
        try {
            return stored.treeToValue(document, TaskDefinitionSpec.class);
        } catch (JsonMappingException e) {
            throw new InvalidTaskDefinitionException(JsonProblem.describe(e));
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
        view.put("status", stored.status().name());
        view.putArray("compatibilities").add("EC2").add("EXTERNAL");
        view.put("registeredAt", stored.registeredAt().toInstant().toString());
        view.put("registeredBy", stored.registeredBy());
        if (stored.deregisteredAt() != null) {
            view.put("deregisteredAt", stored.deregisteredAt().toInstant().toString());
        }
        return view;
    }

}
