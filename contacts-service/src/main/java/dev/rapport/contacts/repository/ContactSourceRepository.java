package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which contact an imported source record became; keyed by the workspace explicitly (a native table). */
@ApplicationScoped
public class ContactSourceRepository {

    @Inject
    EntityManager em;

    @Inject
    WorkspaceContext workspaces;

    public Optional<UUID> contactOf(ImportFormat source, String sourceId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select contact_id from contact_source where workspace_id = ?1 and source = ?2 and source_id = ?3""")
                .setParameter(1, workspaces.require()).setParameter(2, source.name()).setParameter(3, sourceId)
                .getResultList();
        return ids.stream().findFirst();
    }

    public void remember(ImportFormat source, String sourceId, UUID contactId) {
        em.createNativeQuery("""
                        insert into contact_source (workspace_id, source, source_id, contact_id) values (?1, ?2, ?3, ?4)
                        on conflict (workspace_id, source, source_id) do update set contact_id = excluded.contact_id""")
                .setParameter(1, workspaces.require()).setParameter(2, source.name()).setParameter(3, sourceId)
                .setParameter(4, contactId)
                .executeUpdate();
    }
}
