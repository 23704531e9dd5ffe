package dev.berth.agent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes agent channel frames. Unknown fields are ignored so either side can grow first. */
public final class AgentMessages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private AgentMessages() {
    }

    public static String write(AgentMessage message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    /** @throws ProtocolException when the frame is not JSON or not a message of this protocol */
    public static AgentMessage read(String frame) {
        try {
            return JSON.readValue(frame, AgentMessage.class);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not an agent channel message: " + e.getOriginalMessage());
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
