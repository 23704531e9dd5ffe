package dev.berth.logs.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks matches() and match() together, so the two entry points cannot drift apart. */
final class PatternAssertions {

    private PatternAssertions() {
    }

    static void assertMatches(String pattern, String... messages) {
        FilterPattern parsed = FilterPattern.parse(pattern);
        for (String message : messages) {
            assertTrue(parsed.matches(message), () -> pattern + " should match: " + message);
            assertTrue(parsed.match(message).isPresent(), () -> pattern + " should give a match for: " + message);
            for (String literal : parsed.requiredLiterals()) {
                assertTrue(message.contains(literal),
                        () -> "required literal '" + literal + "' of " + pattern + " is not in: " + message);
            }
        }
    }

    static void assertNoMatch(String pattern, String... messages) {
        FilterPattern parsed = FilterPattern.parse(pattern);
        for (String message : messages) {
            assertFalse(parsed.matches(message), () -> pattern + " should not match: " + message);
            assertEquals(false, parsed.match(message).isPresent(), () -> pattern + " gave a match for: " + message);
        }
    }
}
