package dev.berth.registry.metadata;

/** An image repository row. */
public record Repository(long id, String tenant, String name, String tagMutability) {

    public boolean tagsImmutable() {
        return "IMMUTABLE".equals(tagMutability);
    }
}
