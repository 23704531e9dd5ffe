package dev.berth.agent.hostauth;

/** A host could not register or get a token. */
public class HostAuthException extends RuntimeException {

    public HostAuthException(String message) {
        super(message);
    }

    public HostAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
