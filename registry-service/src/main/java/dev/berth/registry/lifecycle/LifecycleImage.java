package dev.berth.registry.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a lifecycle rule looks at: an image's digest, tags, push time and last pull. */
public record LifecycleImage(String digest, List<String> tags, Instant pushedAt, Optional<Instant> lastPulledAt) {

    public LifecycleImage {
        tags = List.copyOf(tags);
    }

    public boolean tagged() {
        return !tags.isEmpty();
    }
}
