package dev.berth.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.error.JsonProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoNulCharactersTest {

    record Request(String name, List<String> command, JsonNode overrides) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(NoNulCharacters.module());

    @Test
    void aNulInAStringIsRefusedByItsField() {
        var e = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"name\":\"a\\u0000b\"}", Request.class));
        assertEquals("name", InvalidInputException.fieldOf(JsonProblem.describe(e)));
    }

    @Test
    void aNulInAListIsRefusedByItsIndex() {
        var e = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"command\":[\"sh\",\"\\u0000\"]}", Request.class));
        assertEquals("command[1]", InvalidInputException.fieldOf(JsonProblem.describe(e)));
    }

    @Test
    void aNulDeepInADocumentIsNamedByItsPath() {
        var e = assertThrows(JsonMappingException.class, () -> json.readValue(
                "{\"overrides\":{\"containerOverrides\":[{\"command\":[\"\\u0000\"]}]}}", Request.class));
        assertEquals("overrides: containerOverrides[0].command[0]: must not contain the NUL character (U+0000)",
                JsonProblem.describe(e).replaceAll(" \\(line.*", ""));
    }

    @Test
    void otherTextIsReadAsItWas() throws Exception {
        Request read = json.readValue("{\"name\":\"ünï ✓\",\"command\":[\"a\"],\"overrides\":{\"k\":[1,\"v\"]}}",
                Request.class);
        assertEquals("ünï ✓", read.name());
        assertEquals("{\"k\":[1,\"v\"]}", read.overrides().toString());
    }
}
