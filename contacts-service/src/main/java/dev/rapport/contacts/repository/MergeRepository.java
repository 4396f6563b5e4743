package dev.rapport.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactMergeRecord;
import dev.rapport.contacts.domain.ContactSnapshot;
import dev.rapport.contacts.messaging.ContactMergedV1;
import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Merges and the absorbed contacts they keep: native tables (jsonb documents, recursive erasure) of the current workspace. */
@ApplicationScoped
public class MergeRepository {

    /** Where an absorbed contact went. */
    public record Tombstone(UUID contactId, UUID mergeId, UUID survivorId) {
    }

    private static final TypeReference<List<UUID>> UUIDS = new TypeReference<>() {
    };

    @Inject
    WorkspaceSql sql;

    @Inject
    ObjectMapper json;

    public void save(ContactMergeRecord merge) {
        sql.query("""
                        insert into contact_merge (id, workspace_id, survivor_id, survivor_before, survivor_version,
                                                   created_history, merged_by, merged_at)
                        values (:id, :workspace, :survivorId, cast(:survivorBefore as jsonb), :survivorVersion,
                                cast(:createdHistory as jsonb), :mergedBy, :mergedAt)""")
                .set("id", merge.id()).set("survivorId", merge.survivorId())
                .set("survivorBefore", write(merge.survivorBefore())).set("survivorVersion", merge.survivorVersion())
                .set("createdHistory", write(merge.createdHistory())).set("mergedBy", merge.mergedBy())
                .set("mergedAt", merge.mergedAt())
                .execute();
        for (ContactMergeRecord.Absorbed absorbed : merge.absorbed()) {
            sql.query("""
                            insert into merged_contact (contact_id, workspace_id, merge_id, snapshot, moved)
                            values (:contactId, :workspace, :mergeId, cast(:snapshot as jsonb), cast(:moved as jsonb))""")
                    .set("contactId", absorbed.snapshot().id())
                    .set("mergeId", merge.id()).set("snapshot", write(absorbed.snapshot()))
                    .set("moved", write(absorbed.moved()))
                    .execute();
        }
    }

    /** The merge with the absorbed contacts it still holds (none once undone), locked until the transaction ends. */
    public Optional<ContactMergeRecord> findForUpdate(UUID id) {
        List<Object[]> rows = sql.query("""
                        select survivor_id, cast(survivor_before as text), survivor_version, cast(created_history as text),
                               merged_by, merged_at, undone_at
                          from contact_merge where workspace_id = :workspace and id = :id for update""")
                .set("id", id)
                .rows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        List<Object[]> absorbedRows = sql.query("""
                        select cast(snapshot as text), cast(moved as text) from merged_contact
                         where workspace_id = :workspace and merge_id = :mergeId order by contact_id""")
                .set("mergeId", id)
                .rows();
        List<ContactMergeRecord.Absorbed> absorbed = absorbedRows.stream()
                .map(r -> new ContactMergeRecord.Absorbed(read((String) r[0], ContactSnapshot.class),
                        read((String) r[1], ContactMergeRecord.Moved.class)))
                .toList();
        return Optional.of(new ContactMergeRecord(id, (UUID) row[0], read((String) row[1], ContactDetails.class),
                ((Number) row[2]).longValue(), read((String) row[3], UUIDS), (String) row[4], SqlTimes.instant(row[5]),
                SqlTimes.instant(row[6]), absorbed));
    }

    /** Where {@code contactId} went if a merge absorbed it. */
    public Optional<Tombstone> tombstone(UUID contactId) {
        List<Object[]> rows = sql.query("""
                        select m.id, m.survivor_id from merged_contact c join contact_merge m on m.id = c.merge_id
                         where c.workspace_id = :workspace and c.contact_id = :contactId""")
                .set("contactId", contactId)
                .rows();
        return rows.stream().map(r -> new Tombstone(contactId, (UUID) r[0], (UUID) r[1])).findFirst();
    }

    /** The merges not undone, with the contacts each absorbed, oldest first. */
    public List<ContactMergedV1> active() {
        List<Object[]> rows = sql.query("""
                        select m.id, m.survivor_id, cast(jsonb_agg(c.contact_id order by c.contact_id) as text), m.merged_by, m.merged_at
                          from contact_merge m join merged_contact c on c.merge_id = m.id
                         where m.workspace_id = :workspace and m.undone_at is null
                         group by m.id order by m.merged_at""")
                .rows();
        return rows.stream().map(r -> new ContactMergedV1((UUID) r[0], (UUID) r[1],
                read((String) r[2], UUIDS), (String) r[3], SqlTimes.instant(r[4]))).toList();
    }

    public void markUndone(UUID id, Instant at) {
        sql.query("delete from merged_contact where workspace_id = :workspace and merge_id = :mergeId")
                .set("mergeId", id).execute();
        sql.query("update contact_merge set undone_at = :undoneAt where workspace_id = :workspace and id = :id")
                .set("id", id).set("undoneAt", at)
                .execute();
    }

    /**
     * Forgets every merge into {@code contactId}, and into the contacts those absorbed, when it is erased:
     * the absorbed contacts' snapshots are personal data of the person being erased.
     */
    public void eraseInto(UUID contactId) {
        sql.query("""
                        with recursive absorbed (merge_id, contact_id) as (
                            select m.id, c.contact_id from contact_merge m join merged_contact c on c.merge_id = m.id
                             where m.workspace_id = :workspace and m.survivor_id = :contactId
                            union
                            select m.id, c.contact_id from contact_merge m join merged_contact c on c.merge_id = m.id
                              join absorbed a on m.survivor_id = a.contact_id
                             where m.workspace_id = :workspace)
                        delete from contact_merge where workspace_id = :workspace
                           and (survivor_id = :contactId or id in (select merge_id from absorbed))""")
                .set("contactId", contactId)
                .execute();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A merge record is always JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable merge record", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable merge record", e);
        }
    }
}
