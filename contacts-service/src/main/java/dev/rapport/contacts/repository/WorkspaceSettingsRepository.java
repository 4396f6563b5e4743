package dev.rapport.contacts.repository;

import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-workspace settings. The row's key is the workspace itself, so it is read and written with the current
 * workspace explicitly rather than through an entity.
 */
@ApplicationScoped
public class WorkspaceSettingsRepository {

    @Inject
    EntityManager em;

    @Inject
    WorkspaceContext workspaces;

    public Optional<String> defaultPhoneRegion() {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select default_phone_region from workspace_settings where workspace_id = ?1")
                .setParameter(1, workspaces.require()).getResultList();
        return rows.stream().filter(r -> r != null).findFirst();
    }

    public void saveDefaultPhoneRegion(String region) {
        em.createNativeQuery("""
                        insert into workspace_settings (workspace_id, default_phone_region, updated_at) values (?1, ?2, ?3)
                        on conflict (workspace_id) do update set default_phone_region = excluded.default_phone_region,
                                                                  updated_at = excluded.updated_at""")
                .setParameter(1, workspaces.require()).setParameter(2, region).setParameter(3, Instant.now())
                .executeUpdate();
    }
}
