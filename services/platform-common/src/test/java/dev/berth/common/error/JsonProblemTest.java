package dev.berth.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages of bodies Jackson cannot read: the field by its path, or the line and column. */
class JsonProblemTest {

    record Container(String name, Integer memory) {
    }

    record Request(String serviceName, Integer desiredCount, List<Container> containers) {
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private static String problem(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> STRICT.readValue(body, Request.class));
        return JsonProblem.describe(e);
    }

    @Test
    void aWordForANumber() {
        String message = problem("{\"desiredCount\": \"four\"}");
        assertTrue(message.startsWith("desiredCount: must be a whole number"), message);
        assertTrue(message.contains("got \"four\""), message);
    }

    @Test
    void aFractionForAWholeNumberDeepInside() {
        String message = problem("{\"containers\": [{\"name\": \"a\"}, {\"memory\": 64.5}]}");
        assertTrue(message.startsWith("containers[1].memory: must be a whole number"), message);
    }

    @Test
    void anUnknownField() {
        String message = problem("{\"containers\": [{\"memroy\": 64}]}");
        assertTrue(message.startsWith("containers[0].memroy: unknown field; the fields here are memory, name"), message);
    }

    @Test
    void aNumberOutOfRange() {
        String message = problem("{\"serviceName\": \"web\",\n \"desiredCount\": 99999999999}");
        assertTrue(message.startsWith("desiredCount: the number 99999999999 is out of range"), message);
        assertTrue(message.contains("line 2"), message);
    }

    @Test
    void aTruncatedBody() {
        String message = problem("{\"serviceName\": \"web\", \"desiredCount\": 4");
        assertTrue(message.startsWith("body: the JSON ends early"), message);
        assertTrue(message.contains("(line 1, column"), message);
    }

    @Test
    void brokenJson() {
        String message = problem("{\"serviceName\": web}");
        assertTrue(message.contains("line 1, column"), message);
        assertTrue(message.startsWith("serviceName: "), message);
    }

    @Test
    void foundAmongCauses() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> STRICT.readValue("{", Request.class));
        assertEquals(e, JsonProblem.find(new RuntimeException(new IllegalStateException(e))));
    }

    @Test
    void aDocumentNestedDeeperThanTheParserAllowsIsTheBodysFault() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> STRICT.readTree("[".repeat(3000)));
        assertTrue(JsonProblem.find(new RuntimeException(e)) == e, "found among the causes");
        String message = JsonProblem.describe(e);
        assertTrue(message.startsWith("body: ") && message.contains("nesting depth"), message);
    }
}
