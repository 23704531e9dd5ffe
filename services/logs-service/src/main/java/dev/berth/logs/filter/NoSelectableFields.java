package dev.berth.logs.filter;

import java.util.Optional;

/** The match of a pattern that defines no fields (terms, or the empty pattern). */
final class NoSelectableFields implements Match {

    /** Shared so that matching a term pattern allocates nothing. */
    static final Optional<Match> MATCHED = Optional.of(new NoSelectableFields());

    private NoSelectableFields() {
    }

    @Override
    public Optional<String> value(String selector) {
        return Optional.empty();
    }
}
