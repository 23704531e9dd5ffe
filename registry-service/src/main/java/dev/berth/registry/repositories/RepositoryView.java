package dev.berth.registry.repositories;

import java.time.Instant;

/** A repository in ECR's shape (DescribeRepositories, CreateRepository). */
public record RepositoryView(String repositoryArn, String registryId, String repositoryName, String repositoryUri,
                             Instant createdAt, String imageTagMutability) {

    static RepositoryView of(String tenant, String fullName, Instant createdAt, String mutability, String host) {
        String name = fullName.substring(tenant.length() + 1);
        return new RepositoryView("arn:berth:ecr::" + tenant + ":repository/" + name, tenant, name,
                host + "/" + fullName, createdAt, mutability);
    }
}
