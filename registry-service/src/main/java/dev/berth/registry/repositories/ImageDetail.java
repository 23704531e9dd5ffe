package dev.berth.registry.repositories;

import java.time.Instant;
import java.util.List;

/** One image (manifest) of a repository in ECR's DescribeImages shape. */
public record ImageDetail(String registryId, String repositoryName, String imageDigest, List<String> imageTags,
                          long imageSizeInBytes, Instant imagePushedAt, Instant lastRecordedPullTime,
                          String imageManifestMediaType, String artifactMediaType) {
}
