package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An unstructured pattern: alternatives of term groups. {@code ERROR -ARGUMENTS} is one group;
 * {@code ?ERROR ?WARN} two, of which either may match.
 */
final class TermPattern implements EventMatcher {

    private final List<TermGroup> alternatives;

    TermPattern(List<TermGroup> alternatives) {
        this.alternatives = List.copyOf(alternatives);
    }

    @Override
    public boolean matches(String message) {
        for (TermGroup group : alternatives) {
            if (group.matches(message)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Match> match(String message) {
        return matches(message) ? NoSelectableFields.MATCHED : Optional.empty();
    }

    /** The literals of every alternative: what any matching message must contain. */
    @Override
    public List<String> requiredLiterals() {
        List<String> common = new ArrayList<>(alternatives.get(0).literals());
        for (TermGroup group : alternatives.subList(1, alternatives.size())) {
            common.retainAll(group.literals());
        }
        return common;
    }
}
