package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where a page of ListTasks ended (tasks are listed newest first): in a nextToken as {@code createdAt|id}. */
record TaskListPosition(Instant createdAt, String id) {

    static TaskListPosition of(Task task) {
        return new TaskListPosition(task.createdAt(), task.id());
    }

    String text() {
        return createdAt + "|" + id;
    }

    /** @throws InvalidInputException naming {@code nextToken} when the text is not a position this API gave out */
    static TaskListPosition parse(String text) {
        int at = text.indexOf('|');
        try {
            if (at > 0 && at < text.length() - 1) {
                return new TaskListPosition(Instant.parse(text.substring(0, at)), text.substring(at + 1));
            }
        } catch (DateTimeParseException e) {
            // answered below like any other token this API did not give out
        }
        throw new InvalidInputException("nextToken", "not a token this API gave out");
    }
}
