package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@code [ip, user, ..., status_code = 4*, bytes > 1000]} pattern: all field conditions must hold. */
final class SpaceDelimitedPattern implements EventMatcher {

    private final FieldLayout layout;
    private final List<Condition<DelimitedEvent>> conditions;

    SpaceDelimitedPattern(FieldLayout layout, List<Condition<DelimitedEvent>> conditions) {
        this.layout = layout;
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public Optional<Match> match(String message) {
        String[] fields = MessageFields.split(message);
        if (!layout.fits(fields.length)) {
            return Optional.empty();
        }
        DelimitedEvent event = new DelimitedEvent(fields, layout);
        for (Condition<DelimitedEvent> condition : conditions) {
            if (!condition.test(event)) {
                return Optional.empty();
            }
        }
        return Optional.of(event);
    }

    @Override
    public List<String> requiredLiterals() {
        Set<String> literals = new LinkedHashSet<>();
        conditions.forEach(condition -> literals.addAll(condition.requiredLiterals()));
        return new ArrayList<>(literals);
    }
}
