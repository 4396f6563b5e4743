package dev.rapport.directory.service;

import dev.rapport.directory.domain.ContactChange;
import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.domain.ContactState;
import dev.rapport.directory.repository.ContactProjectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class ContactProjectionService {

    @Inject
    ContactProjectionRepository projections;

    @Inject
    Event<ContactChange> changes;

    /** Applies a contact's state unless the projection already holds this version or a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID contactId, ContactState state, Instant at) {
        Optional<ContactProjection> existing = projections.byId(contactId);
        if (existing.isPresent() && !existing.get().isOlderThan(state.version())) {
            return;
        }
        ContactProjection projection = existing.orElseGet(() -> new ContactProjection(contactId));
        // Filled before persist: Hibernate inserts the state as of persist(), and the columns are NOT NULL.
        projection.apply(state, at);
        projections.persist(projection);
        changes.fire(new ContactChange.Changed(contactId));
    }

    /** Points each absorbed contact at the survivor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID survivorId, List<UUID> absorbedIds, Instant at) {
        absorbedIds.forEach(absorbedId -> change(absorbedId, projection -> projection.mergeInto(survivorId, at)));
        changes.fire(new ContactChange.Merged(survivorId, List.copyOf(absorbedIds)));
    }

    /** The absorbed contacts of an undone merge are themselves again, with the state they had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unmerged(UUID survivorId, Map<UUID, ContactState> restored, Instant at) {
        restored.forEach((contactId, state) -> change(contactId, projection -> projection.unmerge(state, at)));
        changes.fire(new ContactChange.Unmerged(survivorId, List.copyOf(restored.keySet())));
    }

    /** A contact restored from a backup: its state replaces whatever is held, a tombstone or a merge included. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restored(UUID contactId, ContactState state, Instant at) {
        change(contactId, projection -> projection.restore(state, at));
        changes.fire(new ContactChange.Changed(contactId));
    }

    /** Erases what this service keeps of the contact, leaving a tombstone so nothing older revives it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID contactId, long version, Instant at) {
        change(contactId, projection -> projection.erase(version, at));
        changes.fire(new ContactChange.Erased(contactId));
    }

    /** Changes the contact's projection, starting one if this is the first the service hears of the contact. */
    private void change(UUID contactId, Consumer<ContactProjection> change) {
        ContactProjection projection = projections.byId(contactId).orElseGet(() -> new ContactProjection(contactId));
        change.accept(projection);
        projections.persist(projection);
    }

    /** The contacts known among {@code contactIds}, by id (erased ones included, as tombstones). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ContactRef> byIds(java.util.Collection<UUID> contactIds) {
        Map<UUID, ContactRef> found = new java.util.HashMap<>();
        if (!contactIds.isEmpty()) {
            projections.byIds(contactIds).forEach(projection -> found.put(projection.contactId(), projection));
        }
        return found;
    }

    /** The owners of those of {@code contactIds} that are private: who alone may read what is said of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> privateOwners(java.util.Collection<UUID> contactIds) {
        return byIds(contactIds).values().stream().filter(ContactRef::isPrivate).map(ContactRef::ownerId).toList();
    }

    /**
     * Who {@code contactId} is now: itself, or the survivor of the merges it went into (followed to the end; a
     * chain longer than the contacts it passes through would be a cycle, and stops there).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID resolve(UUID contactId) {
        UUID current = contactId;
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        while (seen.add(current)) {
            Optional<UUID> next = projections.byId(current).flatMap(ContactProjection::mergedInto);
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    /** The contact as {@code user} may see it: not erased, and not someone else's private contact. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContactProjection> find(UUID contactId, String user) {
        return projections.byId(contactId).filter(p -> p.visibleTo(user));
    }
}
