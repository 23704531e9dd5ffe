package dev.berth.agent.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;

/** The engine refused a request; the message is the engine's own reason, for a task's stopped reason. */
public final class EngineException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EngineException(String reason) {
        super(reason);
    }

    /**
     * The engine's reason in docker-java's error: its message is "Status 500: {body}", where the
     * body is the engine's JSON error ({@code {"message": ...}}), or plain text.
     */
    static String reason(DockerException e) {
        String message = String.valueOf(e.getMessage());
        int body = message.indexOf('{');
        if (body >= 0) {
            try {
                JsonNode error = JSON.readTree(message.substring(body));
                if (error.hasNonNull("message")) {
                    return error.get("message").asText();
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                // plain text: the whole message
            }
        }
        return message.replaceFirst("^Status \\d+: ", "").trim();
    }
}
