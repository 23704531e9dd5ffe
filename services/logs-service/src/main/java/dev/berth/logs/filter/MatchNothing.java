package dev.berth.logs.filter;

import java.util.List;
import java.util.Optional;

/** A stored pattern that no longer parses: it keeps its text but matches no event. */
final class MatchNothing implements EventMatcher {

    static final MatchNothing INSTANCE = new MatchNothing();

    private MatchNothing() {
    }

    @Override
    public Optional<Match> match(String message) {
        return Optional.empty();
    }

    @Override
    public boolean matches(String message) {
        return false;
    }

    @Override
    public List<String> requiredLiterals() {
        return List.of();
    }
}
