package dev.berth.agent.protocol;

/** A frame that breaks the agent protocol. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
