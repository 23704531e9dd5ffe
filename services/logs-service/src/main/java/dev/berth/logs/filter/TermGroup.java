package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.List;

/** Terms that must all appear, and terms (written with a leading '-') that must not. */
record TermGroup(List<Term> included, List<Term> excluded) {

    TermGroup {
        included = List.copyOf(included);
        excluded = List.copyOf(excluded);
    }

    boolean matches(String message) {
        for (Term term : included) {
            if (!term.occursIn(message)) {
                return false;
            }
        }
        for (Term term : excluded) {
            if (term.occursIn(message)) {
                return false;
            }
        }
        return true;
    }

    List<String> literals() {
        List<String> literals = new ArrayList<>();
        for (Term term : included) {
            if (term instanceof Term.Literal literal && !literals.contains(literal.text())) {
                literals.add(literal.text());
            }
        }
        return literals;
    }
}
