package dev.berth.registry.repositories;

import dev.berth.common.auth.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller's tenant's repositories, as every management resource looks them up. */
@ApplicationScoped
public class TenantRepositories {

    @Inject
    RepositoryCatalog catalog;

    @Inject
    CurrentPrincipal principal;

    /** The caller's repository of that name, or 400 for a bad name and 404 RepositoryNotFoundException. */
    public Uni<RepositoryCatalog.Entry> existing(String name) {
        return catalog.existing(principal.tenant(), RepositoryNames.require(name));
    }
}
