package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ContactMergeRecord.SourceKey;
import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Which contact an imported source record became; a native table (batched upserts) of the current workspace. */
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
    WorkspaceSql sql;

    /** Which contacts these source records became, for those imported before. */
    public java.util.Map<String, UUID> contactsOf(ImportFormat source, java.util.Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<Object[]> rows = sql.query("""
                        select source_id, contact_id from contact_source
                         where workspace_id = :workspace and source = :source and source_id in (:ids)""")
                .set("source", source.name())
                .set("ids", sourceIds)
                .rows();
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
        sql.query("""
                        insert into contact_source (workspace_id, source, source_id, contact_id)
                        select :workspace, :source, s.source_id, s.contact_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as s(source_id text, contact_id uuid)
                        on conflict (workspace_id, source, source_id) do update set contact_id = excluded.contact_id""")
                .set("source", source.name()).set("rows", json(rows))
                .execute();
    }

    /** Points {@code from}'s sources at {@code to}, so importing them again updates {@code to}; the keys moved. */
    public List<SourceKey> moveAll(UUID from, UUID to) {
        List<Object[]> rows = sql.query("""
                        update contact_source set contact_id = :to where workspace_id = :workspace and contact_id = :from
                        returning source, source_id""")
                .set("from", from).set("to", to)
                .rows();
        return rows.stream().map(r -> new SourceKey((String) r[0], (String) r[1])).toList();
    }

    public void move(List<SourceKey> keys, UUID to) {
        for (SourceKey key : keys) {
            sql.query("""
                            update contact_source set contact_id = :to
                             where workspace_id = :workspace and source = :source and source_id = :sourceId""")
                    .set("source", key.source()).set("sourceId", key.sourceId()).set("to", to)
                    .execute();
        }
    }
}
