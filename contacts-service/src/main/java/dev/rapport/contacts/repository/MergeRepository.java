package dev.rapport.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactMergeRecord;
import dev.rapport.contacts.domain.ContactSnapshot;
import dev.rapport.contacts.domain.MergeSummary;
import dev.rapport.contacts.domain.Tombstone;
import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges and the absorbed contacts they keep: entities of the current workspace ({@link MergeRow},
 * {@link MergedContactRow}), and one recursive erasure in native SQL.
 */
@ApplicationScoped
public class MergeRepository {

    private static final TypeReference<List<UUID>> UUIDS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    WorkspaceSql sql;

    @Inject
    ObjectMapper json;

    public void save(ContactMergeRecord merge) {
        em.persist(new MergeRow(merge.id(), merge.survivorId(), write(merge.survivorBefore()), merge.survivorVersion(),
                write(merge.createdHistory()), merge.mergedBy(), merge.mergedAt()));
        // The absorbed rows reference the merge, which Hibernate cannot see through a plain id column: insert it first.
        em.flush();
        for (ContactMergeRecord.Absorbed absorbed : merge.absorbed()) {
            em.persist(new MergedContactRow(absorbed.snapshot().id(), merge.id(), write(absorbed.snapshot()),
                    write(absorbed.moved())));
        }
    }

    /** The merge with the absorbed contacts it still holds (none once undone), locked until the transaction ends. */
    public Optional<ContactMergeRecord> findForUpdate(UUID id) {
        Optional<MergeRow> found = em.createQuery("from MergeRow where id = :id", MergeRow.class)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MergeRow row = found.get();
        List<ContactMergeRecord.Absorbed> absorbed = absorbedBy(id).stream()
                .map(r -> new ContactMergeRecord.Absorbed(read(r.snapshot, ContactSnapshot.class),
                        read(r.moved, ContactMergeRecord.Moved.class)))
                .toList();
        return Optional.of(new ContactMergeRecord(id, row.survivorId, read(row.survivorBefore, ContactDetails.class),
                row.survivorVersion, read(row.createdHistory, UUIDS), row.mergedBy, row.mergedAt, row.undoneAt, absorbed));
    }

    private List<MergedContactRow> absorbedBy(UUID mergeId) {
        return em.createQuery("from MergedContactRow where mergeId = :mergeId order by contactId", MergedContactRow.class)
                .setParameter("mergeId", mergeId).getResultList();
    }

    /** Where {@code contactId} went if a merge absorbed it. */
    public Optional<Tombstone> tombstone(UUID contactId) {
        return em.createQuery("""
                        select m.id, m.survivorId from MergedContactRow c join MergeRow m on m.id = c.mergeId
                         where c.contactId = :contactId""", Object[].class)
                .setParameter("contactId", contactId)
                .getResultStream()
                .map(r -> new Tombstone(contactId, (UUID) r[0], (UUID) r[1])).findFirst();
    }

    /** The merges not undone, with the contacts each absorbed, oldest first. */
    public List<MergeSummary> active() {
        List<Object[]> rows = em.createQuery("""
                        select m.id, m.survivorId, c.contactId, m.mergedBy, m.mergedAt
                          from MergeRow m join MergedContactRow c on c.mergeId = m.id
                         where m.undoneAt is null
                         order by m.mergedAt, m.id, c.contactId""", Object[].class)
                .getResultList();
        Map<UUID, Object[]> merges = new LinkedHashMap<>();
        Map<UUID, List<UUID>> absorbed = new LinkedHashMap<>();
        for (Object[] r : rows) {
            merges.putIfAbsent((UUID) r[0], r);
            absorbed.computeIfAbsent((UUID) r[0], id -> new ArrayList<>()).add((UUID) r[2]);
        }
        return merges.values().stream().map(r -> new MergeSummary((UUID) r[0], (UUID) r[1], absorbed.get((UUID) r[0]),
                (String) r[3], (Instant) r[4])).toList();
    }

    /** Marks the merge (locked by {@link #findForUpdate}) undone; the absorbed contacts it kept are back. */
    public void markUndone(UUID id, Instant at) {
        absorbedBy(id).forEach(em::remove);
        em.createQuery("from MergeRow where id = :id", MergeRow.class).setParameter("id", id)
                .getResultStream().findFirst().ifPresent(row -> row.undone(at));
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
