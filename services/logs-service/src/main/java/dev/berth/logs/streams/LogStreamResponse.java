package dev.berth.logs.streams;

/** CreateLogStream's answer. */
public record LogStreamResponse(LogStreamView logStream) {
}
