package dev.berth.registry.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies an ECR lifecycle policy to a repository's images, the way ECR documents it: rules in
 * {@code rulePriority} order; an image whose tags a rule selects is that rule's to keep or
 * expire, and no rule of lower priority looks at it again; {@code imageCountMoreThan} keeps
 * the newest pushes and expires the rest; {@code sinceImagePushed}/{@code sinceImagePulled}
 * expire images older than the given number of days (an image never pulled counts from its push).
 */
public final class LifecycleEvaluator {

    /** An image the policy expires, and the rule that does it. */
    public record Expiry(LifecycleImage image, int rulePriority) {
    }

    private LifecycleEvaluator() {
    }

    public static List<Expiry> evaluate(LifecyclePolicy policy, List<LifecycleImage> images, Instant now) {
        Set<String> decided = new HashSet<>();
        List<Expiry> expiries = new ArrayList<>();
        for (LifecycleRule rule : policy.rules()) {
            List<LifecycleImage> selected = images.stream()
                    .filter(image -> !decided.contains(image.digest()))
                    .filter(rule::selects)
                    .sorted(Comparator.comparing(LifecycleImage::pushedAt).reversed()
                            .thenComparing(LifecycleImage::digest))
                    .toList();
            for (int i = 0; i < selected.size(); i++) {
                LifecycleImage image = selected.get(i);
                decided.add(image.digest());
                if (expires(rule, image, i, now)) {
                    expiries.add(new Expiry(image, rule.rulePriority()));
                }
            }
        }
        return expiries;
    }

    private static boolean expires(LifecycleRule rule, LifecycleImage image, int newestFirstIndex, Instant now) {
        Duration age = Duration.ofDays(rule.countNumber());
        return switch (rule.countType()) {
            case IMAGE_COUNT_MORE_THAN -> newestFirstIndex >= rule.countNumber();
            case SINCE_IMAGE_PUSHED -> image.pushedAt().plus(age).isBefore(now);
            case SINCE_IMAGE_PULLED -> image.lastPulledAt().orElse(image.pushedAt()).plus(age).isBefore(now);
        };
    }
}
