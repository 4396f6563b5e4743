package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.HistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, UUID> {

    /** Oldest first: the order in which the changes took effect. */
    public List<HistoryEntry> ofContact(UUID contactId) {
        return list("contactId = ?1 order by effectiveOn, recordedAt", contactId);
    }

    /** Gives {@code from}'s history to {@code to}; the ids of the entries moved. */
    public List<UUID> moveAll(UUID from, UUID to) {
        List<UUID> ids = ofContact(from).stream().map(HistoryEntry::id).toList();
        move(ids, to);
        return ids;
    }

    public void move(List<UUID> ids, UUID to) {
        if (!ids.isEmpty()) {
            update("contactId = ?1 where id in ?2", to, ids);
        }
    }
}
