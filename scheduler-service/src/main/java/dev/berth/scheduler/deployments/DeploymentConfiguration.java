package dev.berth.scheduler.deployments;

import dev.berth.common.error.InvalidInputException;
/**
 * ECS's rolling-update bounds: at least {@code minimumHealthyPercent} of the desired count stays
 * RUNNING and healthy (rounded up), at most {@code maximumPercent} is RUNNING or PENDING
 * (rounded down).
 */
public record DeploymentConfiguration(int minimumHealthyPercent, int maximumPercent) {

    public static final DeploymentConfiguration DEFAULT = new DeploymentConfiguration(100, 200);

    public DeploymentConfiguration {
        if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
            throw new InvalidInputException("deploymentConfiguration.minimumHealthyPercent", "0 to 100, got "
                    + minimumHealthyPercent);
        }
        if (maximumPercent < 100) {
            throw new InvalidInputException("deploymentConfiguration.maximumPercent", "at least 100, got " + maximumPercent);
        }
    }

    // in long: desiredCount × maximumPercent passes Integer.MAX_VALUE well before either does
    int lowerBound(int desiredCount) {
        return clamp(((long) desiredCount * minimumHealthyPercent + 99) / 100);
    }

    int upperBound(int desiredCount) {
        return clamp((long) desiredCount * maximumPercent / 100);
    }

    private static int clamp(long tasks) {
        return (int) Math.min(Integer.MAX_VALUE, tasks);
    }
}
