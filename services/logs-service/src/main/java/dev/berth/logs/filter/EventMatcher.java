package dev.berth.logs.filter;

import java.util.List;
import java.util.Optional;

/** One parsed shape of filter pattern: terms, JSON or space-delimited. */
interface EventMatcher {

    Optional<Match> match(String message);

    default boolean matches(String message) {
        return match(message).isPresent();
    }

    /** Substrings every matching message contains; see {@link FilterPattern#requiredLiterals()}. */
    List<String> requiredLiterals();
}
