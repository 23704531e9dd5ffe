package dev.berth.agent;

import dev.berth.agent.engine.ContainerEngine;
import dev.berth.agent.tasks.TaskLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Keeps the host clean (ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION and image cleanup): this host's
 * stopped task containers are removed once they have been stopped for {@code containerAge}, and
 * those never started once created that long ago;
 * images that no container uses are removed once created longer than {@code imageAge} ago, and the
 * oldest of them first while all unused images together take more than {@code imageBytes}.
 */
final class GarbageCollector implements Runnable {

    private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());

    private final ContainerEngine engine;
    private final String hostId;
    private final Duration containerAge;
    private final Duration imageAge;
    private final long imageBytes;
    private final Predicate<String> berthImage;

    GarbageCollector(ContainerEngine engine, String hostId, Duration containerAge, Duration imageAge, long imageBytes,
                     Predicate<String> berthImage) {
        this.engine = engine;
        this.hostId = hostId;
        this.containerAge = containerAge;
        this.imageAge = imageAge;
        this.imageBytes = imageBytes;
        this.berthImage = berthImage;
    }

    @Override
    public void run() {
        try {
            Instant now = Instant.now();
            for (ContainerEngine.ContainerInfo c : engine.containersLabelled(TaskLabels.HOST_ID, hostId)) {
                // one created and never started (left by a failed start) counts from its creation
                Instant since = c.finishedAt() != null ? c.finishedAt() : c.createdAt();
                if (!c.running() && since != null && since.plus(containerAge).isBefore(now)) {
                    engine.remove(c.id());
                }
            }
            Set<String> used = engine.imagesInUse();
            List<ContainerEngine.ImageInfo> unused = new ArrayList<>();
            for (ContainerEngine.ImageInfo image : engine.images()) {
                if (!used.contains(image.id()) && image.references().stream().anyMatch(berthImage)) {
                    unused.add(image);
                }
            }
            unused.sort(Comparator.comparing(ContainerEngine.ImageInfo::created));
            long total = unused.stream().mapToLong(ContainerEngine.ImageInfo::size).sum();
            for (ContainerEngine.ImageInfo image : unused) {
                boolean old = image.created().plus(imageAge).isBefore(now);
                if (old || total > imageBytes) {
                    try {
                        engine.removeImage(image.id());
                        total -= image.size();
                    } catch (RuntimeException e) {
                        LOG.fine("image " + image.id() + " not removed: " + e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("cleanup failed, trying again later: " + e.getMessage());
        }
    }
}
