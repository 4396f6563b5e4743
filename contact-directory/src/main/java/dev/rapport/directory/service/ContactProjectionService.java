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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class ContactProjectionService {

    @Inject
    ContactProjectionRepository projections;

    @Inject
    Event<ContactChange> changes;

    /**
     * The projection changes of one batch of contact events, applied in the caller's transaction: the batch's
     * projections are read in one statement, and the contacts whose state changed are announced together, so a
     * hundred created contacts cost a service one set-based pass instead of a hundred.
     *
     * @param contactIds every contact the batch's events name
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch batch(Collection<UUID> contactIds) {
        return new Batch(contactIds);
    }

    /**
     * One batch's changes, in event order. A state change is announced later, with the next ones, but always before
     * an erasure or merge is written, so observers see each change against the state it was made in.
     */
    public final class Batch {

        /**
         * The batch's projections, and the contacts it names that have none yet (so they are not looked for again):
         * forgotten when observers run, since they may clear the session.
         */
        private final Map<UUID, ContactProjection> loaded = new HashMap<>();
        private final Set<UUID> unknown = new HashSet<>();
        private final Set<UUID> changed = new LinkedHashSet<>();

        private Batch(Collection<UUID> contactIds) {
            if (!contactIds.isEmpty()) {
                projections.entities(contactIds).forEach(projection -> loaded.put(projection.contactId(), projection));
                unknown.addAll(contactIds);
                unknown.removeAll(loaded.keySet());
            }
        }

        /** Applies a contact's state unless the projection already holds this version or a newer one. */
        public void apply(UUID contactId, ContactState state, Instant at) {
            change(contactId, projection -> {
                if (projection.isOlderThan(state.version())) {
                    projection.apply(state, at);
                    changed.add(contactId);
                }
            });
        }

        /** A contact restored from a backup: its state replaces whatever is held, a tombstone or a merge included. */
        public void restored(UUID contactId, ContactState state, Instant at) {
            change(contactId, projection -> projection.restore(state, at));
            changed.add(contactId);
        }

        /** Erases what this service keeps of the contact, leaving a tombstone so nothing older revives it. */
        public void erase(UUID contactId, long version, Instant at) {
            announceChanged();
            change(contactId, projection -> projection.erase(version, at));
            announce(new ContactChange.Erased(contactId));
        }

        /** Points each absorbed contact at the survivor. */
        public void merged(UUID survivorId, List<UUID> absorbedIds, Instant at) {
            announceChanged();
            absorbedIds.forEach(absorbedId -> change(absorbedId, projection -> projection.mergeInto(survivorId, at)));
            announce(new ContactChange.Merged(survivorId, List.copyOf(absorbedIds)));
        }

        /** The absorbed contacts of an undone merge are themselves again, with the state they had. */
        public void unmerged(UUID survivorId, Map<UUID, ContactState> restored, Instant at) {
            announceChanged();
            restored.forEach((contactId, state) -> change(contactId, projection -> projection.unmerge(state, at)));
            announce(new ContactChange.Unmerged(survivorId, List.copyOf(restored.keySet())));
        }

        /** Announces the state changes not announced yet; call once the batch's events are applied. */
        public void finish() {
            announceChanged();
        }

        /** Changes the contact's projection, starting one if this is the first the service hears of the contact. */
        private void change(UUID contactId, Consumer<ContactProjection> change) {
            ContactProjection projection = loaded.get(contactId);
            if (projection == null && !unknown.remove(contactId)) {
                projection = projections.byId(contactId).orElse(null);
            }
            boolean started = projection == null;
            if (started) {
                projection = new ContactProjection(contactId);
            }
            change.accept(projection);
            if (started) {
                // After the change: Hibernate inserts the state as of persist(), and the columns are NOT NULL.
                projections.persist(projection);
            }
            loaded.put(contactId, projection);
        }

        private void announceChanged() {
            if (!changed.isEmpty()) {
                announce(new ContactChange.Changed(Set.copyOf(changed)));
                changed.clear();
            }
        }

        /** Observers read the projection with SQL, and may clear the session: written first, read again after. */
        private void announce(ContactChange change) {
            projections.flush();
            loaded.clear();
            unknown.clear();
            changes.fire(change);
        }
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
        return privateOwners(byIds(contactIds), contactIds);
    }

    /** As {@link #privateOwners(java.util.Collection)}, from contacts the caller has read already. */
    public static List<String> privateOwners(Map<UUID, ContactRef> known, java.util.Collection<UUID> contactIds) {
        return contactIds.stream().map(known::get).filter(contact -> contact != null && contact.isPrivate())
                .map(ContactRef::ownerId).toList();
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
