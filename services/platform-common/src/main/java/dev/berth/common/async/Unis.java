package dev.berth.common.async;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** Waiting for several {@link Uni}s at once, an empty list included (Mutiny's join refuses one). */
public final class Unis {

    private Unis() {
    }

    /** Every item, in the list's order; fails as soon as one fails. */
    public static <T> Uni<List<T>> all(List<Uni<T>> unis) {
        return unis.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(unis).andFailFast();
    }

    /** Waits for every one to end; then fails, with every failure collected, if any failed. */
    public static <T> Uni<Void> allSettled(List<Uni<T>> unis) {
        return unis.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(unis).andCollectFailures().replaceWithVoid();
    }
}
