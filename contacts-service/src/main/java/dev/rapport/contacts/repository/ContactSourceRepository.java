package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ContactMergeRecord.SourceKey;
import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** Which contact an imported source record became; keyed by the workspace explicitly (a native table). */
@ApplicationScoped
public class ContactSourceRepository {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    WorkspaceContext workspaces;

    /** Which contacts these source records became, for those imported before. */
    public java.util.Map<String, UUID> contactsOf(ImportFormat source, java.util.Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select source_id, contact_id from contact_source
                         where workspace_id = :workspace and source = :source and source_id in (:ids)""")
                .setParameter("workspace", workspaces.require()).setParameter("source", source.name())
                .setParameter("ids", sourceIds)
                .getResultList();
        java.util.Map<String, UUID> found = new java.util.HashMap<>();
        rows.forEach(r -> found.put((String) r[0], (UUID) r[1]));
        return found;
    }

    /** Remembers which contact each source record became (the last one named, when a record repeats). */
    public void rememberAll(ImportFormat source, java.util.Map<String, UUID> contactBySourceId) {
        if (contactBySourceId.isEmpty()) {
            return;
        }
        List<java.util.Map<String, Object>> rows = contactBySourceId.entrySet().stream()
                .map(e -> java.util.Map.<String, Object>of("source_id", e.getKey(), "contact_id", e.getValue())).toList();
        em.createNativeQuery("""
                        insert into contact_source (workspace_id, source, source_id, contact_id)
                        select ?1, ?2, s.source_id, s.contact_id from jsonb_to_recordset(cast(?3 as jsonb)) as s(source_id text, contact_id uuid)
                        on conflict (workspace_id, source, source_id) do update set contact_id = excluded.contact_id""")
                .setParameter(1, workspaces.require()).setParameter(2, source.name()).setParameter(3, json(rows))
                .executeUpdate();
    }

    /** Points {@code from}'s sources at {@code to}, so importing them again updates {@code to}; the keys moved. */
    public List<SourceKey> moveAll(UUID from, UUID to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update contact_source set contact_id = ?3 where workspace_id = ?1 and contact_id = ?2
                        returning source, source_id""")
                .setParameter(1, workspaces.require()).setParameter(2, from).setParameter(3, to)
                .getResultList();
        return rows.stream().map(r -> new SourceKey((String) r[0], (String) r[1])).toList();
    }

    public void move(List<SourceKey> keys, UUID to) {
        for (SourceKey key : keys) {
            em.createNativeQuery("""
                            update contact_source set contact_id = ?4 where workspace_id = ?1 and source = ?2 and source_id = ?3""")
                    .setParameter(1, workspaces.require()).setParameter(2, key.source()).setParameter(3, key.sourceId())
                    .setParameter(4, to)
                    .executeUpdate();
        }
    }
}
