package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.messaging.ContactEvents;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.contacts.repository.MergeRepository;
import dev.rapport.kit.backup.WorkspaceRestored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Restored contacts are new to the other services of this install: each is announced as created, and each
 * merge still in force as merged, in the restore's transaction, so their projections are rebuilt from events.
 */
@ApplicationScoped
public class RestoreAnnouncer {

    private static final int BATCH = 500;

    @Inject
    ContactRepository contacts;

    @Inject
    MergeRepository merges;

    @Inject
    ContactEvents events;

    @Inject
    EntityManager em;

    void announce(@Observes WorkspaceRestored restored) {
        try (Stream<Contact> all = contacts.streamAll()) {
            Iterator<Contact> it = all.iterator();
            for (long n = 1; it.hasNext(); n++) {
                events.created(it.next());
                if (n % BATCH == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        merges.active().forEach(events::merged);
    }
}
