package dev.rapport.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactMergeRecord;
import dev.rapport.contacts.domain.ContactSnapshot;
import dev.rapport.contacts.domain.MergeSummary;
import dev.rapport.contacts.domain.Tombstone;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Merges and the absorbed contacts they keep; native tables keyed by the workspace explicitly. */
@ApplicationScoped
public class MergeRepository {

    private static final TypeReference<List<UUID>> UUIDS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ObjectMapper json;

    public void save(ContactMergeRecord merge) {
        em.createNativeQuery("""
                        insert into contact_merge (id, workspace_id, survivor_id, survivor_before, survivor_version,
                                                   created_history, merged_by, merged_at)
                        values (?1, ?2, ?3, cast(?4 as jsonb), ?5, cast(?6 as jsonb), ?7, ?8)""")
                .setParameter(1, merge.id()).setParameter(2, workspaces.require()).setParameter(3, merge.survivorId())
                .setParameter(4, write(merge.survivorBefore())).setParameter(5, merge.survivorVersion())
                .setParameter(6, write(merge.createdHistory())).setParameter(7, merge.mergedBy())
                .setParameter(8, Timestamp.from(merge.mergedAt()))
                .executeUpdate();
        for (ContactMergeRecord.Absorbed absorbed : merge.absorbed()) {
            em.createNativeQuery("""
                            insert into merged_contact (contact_id, workspace_id, merge_id, snapshot, moved)
                            values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb))""")
                    .setParameter(1, absorbed.snapshot().id()).setParameter(2, workspaces.require())
                    .setParameter(3, merge.id()).setParameter(4, write(absorbed.snapshot()))
                    .setParameter(5, write(absorbed.moved()))
                    .executeUpdate();
        }
    }

    /** The merge with the absorbed contacts it still holds (none once undone), locked until the transaction ends. */
    public Optional<ContactMergeRecord> findForUpdate(UUID id) {
        List<?> rows = em.createNativeQuery("""
                        select survivor_id, cast(survivor_before as text), survivor_version, cast(created_history as text),
                               merged_by, merged_at, undone_at
                          from contact_merge where workspace_id = ?1 and id = ?2 for update""")
                .setParameter(1, workspaces.require()).setParameter(2, id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        List<?> absorbedRows = em.createNativeQuery("""
                        select cast(snapshot as text), cast(moved as text) from merged_contact
                         where workspace_id = ?1 and merge_id = ?2 order by contact_id""")
                .setParameter(1, workspaces.require()).setParameter(2, id)
                .getResultList();
        List<ContactMergeRecord.Absorbed> absorbed = absorbedRows.stream().map(r -> (Object[]) r)
                .map(r -> new ContactMergeRecord.Absorbed(read((String) r[0], ContactSnapshot.class),
                        read((String) r[1], ContactMergeRecord.Moved.class)))
                .toList();
        return Optional.of(new ContactMergeRecord(id, (UUID) row[0], read((String) row[1], ContactDetails.class),
                ((Number) row[2]).longValue(), read((String) row[3], UUIDS), (String) row[4], NativeResults.instant(row[5]),
                NativeResults.instant(row[6]), absorbed));
    }

    /** Where {@code contactId} went if a merge absorbed it. */
    public Optional<Tombstone> tombstone(UUID contactId) {
        List<?> rows = em.createNativeQuery("""
                        select m.id, m.survivor_id from merged_contact c join contact_merge m on m.id = c.merge_id
                         where c.workspace_id = ?1 and c.contact_id = ?2""")
                .setParameter(1, workspaces.require()).setParameter(2, contactId)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Tombstone(contactId, (UUID) r[0], (UUID) r[1])).findFirst();
    }

    /** The merges not undone, with the contacts each absorbed, oldest first. */
    public List<MergeSummary> active() {
        List<?> rows = em.createNativeQuery("""
                        select m.id, m.survivor_id, cast(jsonb_agg(c.contact_id order by c.contact_id) as text), m.merged_by, m.merged_at
                          from contact_merge m join merged_contact c on c.merge_id = m.id
                         where m.workspace_id = ?1 and m.undone_at is null
                         group by m.id order by m.merged_at""")
                .setParameter(1, workspaces.require())
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new MergeSummary((UUID) r[0], (UUID) r[1],
                read((String) r[2], UUIDS), (String) r[3], NativeResults.instant(r[4]))).toList();
    }

    public void markUndone(UUID id, Instant at) {
        em.createNativeQuery("delete from merged_contact where workspace_id = ?1 and merge_id = ?2")
                .setParameter(1, workspaces.require()).setParameter(2, id).executeUpdate();
        em.createNativeQuery("update contact_merge set undone_at = ?3 where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspaces.require()).setParameter(2, id).setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /**
     * Forgets every merge into {@code contactId}, and into the contacts those absorbed, when it is erased:
     * the absorbed contacts' snapshots are personal data of the person being erased.
     */
    public void eraseInto(UUID contactId) {
        em.createNativeQuery("""
                        with recursive absorbed (merge_id, contact_id) as (
                            select m.id, c.contact_id from contact_merge m join merged_contact c on c.merge_id = m.id
                             where m.workspace_id = ?1 and m.survivor_id = ?2
                            union
                            select m.id, c.contact_id from contact_merge m join merged_contact c on c.merge_id = m.id
                              join absorbed a on m.survivor_id = a.contact_id
                             where m.workspace_id = ?1)
                        delete from contact_merge where workspace_id = ?1
                           and (survivor_id = ?2 or id in (select merge_id from absorbed))""")
                .setParameter(1, workspaces.require()).setParameter(2, contactId)
                .executeUpdate();
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
