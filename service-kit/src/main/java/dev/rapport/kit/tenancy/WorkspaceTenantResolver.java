package dev.rapport.kit.tenancy;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Feeds Hibernate's discriminator multi-tenancy ({@code @TenantId}) from the {@link WorkspaceContext}, so every
 * entity query and load is filtered by workspace and every insert is stamped with it.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class WorkspaceTenantResolver implements TenantResolver {

    /** Matches no row: work without a workspace (the outbox relay, schedulers) sees no entity at all. */
    static final String NO_WORKSPACE = "rapport:no-workspace";

    @Inject
    WorkspaceContext workspaces;

    @Override
    public String getDefaultTenantId() {
        return NO_WORKSPACE;
    }

    @Override
    public String resolveTenantId() {
        return workspaces.current().orElse(NO_WORKSPACE);
    }
}
