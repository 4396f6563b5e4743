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
 * Restored contacts are back for the other services of this install, which may still hold an older state of them or
 * the tombstone of their deletion: each is announced as restored (its state replaces whatever a consumer holds), and
 * then each merge still in force as merged, in the restore's transaction, so their projections are rebuilt from
 * events. The merges come after the contacts, so a consumer knows them as the latest word on an absorbed contact.
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
                events.restored(it.next());
                if (n % BATCH == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        merges.active().forEach(merge -> events.merged(contacts.findById(merge.survivorId()), merge));
    }
}
