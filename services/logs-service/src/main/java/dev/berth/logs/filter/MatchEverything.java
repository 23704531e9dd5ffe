package dev.berth.logs.filter;

import java.util.List;
import java.util.Optional;

/** The blank pattern. */
final class MatchEverything implements EventMatcher {

    static final MatchEverything INSTANCE = new MatchEverything();

    private MatchEverything() {
    }

    @Override
    public Optional<Match> match(String message) {
        return NoSelectableFields.MATCHED;
    }

    @Override
    public boolean matches(String message) {
        return true;
    }

    @Override
    public List<String> requiredLiterals() {
        return List.of();
    }
}
