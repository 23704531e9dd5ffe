package dev.berth.registry.repositories;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of a repository's images; {@code nextToken} only when there are more. */
public record DescribeImagesResponse(List<ImageDetail> imageDetails,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) String nextToken) {
}
