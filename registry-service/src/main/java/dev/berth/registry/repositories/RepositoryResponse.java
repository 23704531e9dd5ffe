package dev.berth.registry.repositories;

/** CreateRepository's, DeleteRepository's and DescribeRepository's answer: one repository. */
public record RepositoryResponse(RepositoryView repository) {
}
