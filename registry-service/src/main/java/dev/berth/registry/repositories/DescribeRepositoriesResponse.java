package dev.berth.registry.repositories;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of the caller's repositories; {@code nextToken} only when there are more. */
public record DescribeRepositoriesResponse(List<RepositoryView> repositories,
                                           @JsonInclude(JsonInclude.Include.NON_NULL) String nextToken) {
}
