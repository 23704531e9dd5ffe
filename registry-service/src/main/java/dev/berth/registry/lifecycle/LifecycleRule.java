package dev.berth.registry.lifecycle;

import java.util.List;

/**
 * One rule of an ECR lifecycle policy.
 *
 * @param tagPrefixes  {@code tagPrefixList}: an image is selected only if it has a tag starting with each prefix
 * @param tagPatterns  {@code tagPatternList}: likewise, with {@code *} wildcards
 * @param countNumber  images to keep ({@code imageCountMoreThan}) or days ({@code sinceImagePushed/Pulled})
 */
public record LifecycleRule(int rulePriority, String description, TagStatus tagStatus, List<String> tagPrefixes,
                            List<String> tagPatterns, CountType countType, int countNumber) {

    public enum TagStatus { TAGGED, UNTAGGED, ANY }

    public enum CountType { IMAGE_COUNT_MORE_THAN, SINCE_IMAGE_PUSHED, SINCE_IMAGE_PULLED }

    public LifecycleRule {
        tagPrefixes = List.copyOf(tagPrefixes);
        tagPatterns = List.copyOf(tagPatterns);
    }

    /** Whether the rule's tag filter selects the image (before counting). */
    public boolean selects(LifecycleImage image) {
        return switch (tagStatus) {
            case ANY -> true;
            case UNTAGGED -> !image.tagged();
            case TAGGED -> image.tagged()
                    && tagPrefixes.stream().allMatch(prefix -> image.tags().stream().anyMatch(t -> t.startsWith(prefix)))
                    && tagPatterns.stream().allMatch(pattern -> image.tags().stream().anyMatch(t -> wildcard(pattern, t)));
        };
    }

    /** ECR's tag patterns: {@code *} matches any run of characters, everything else itself. */
    static boolean wildcard(String pattern, String tag) {
        return TagPattern.matches(pattern, tag);
    }
}
