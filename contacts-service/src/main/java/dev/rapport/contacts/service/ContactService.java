package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactChanges;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.HistoryEntry;
import dev.rapport.contacts.domain.Tombstone;
import dev.rapport.contacts.messaging.ContactEvents;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.contacts.repository.HistoryRepository;
import dev.rapport.contacts.repository.MergeRepository;
import dev.rapport.contacts.repository.TagRepository;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Contact use cases. Each change and its events commit together or not at all; a contact another workspace
 * owns, or another user's private contact, does not exist here (404).
 */
@ApplicationScoped
public class ContactService {

    /** A chain of merges longer than this is not followed (each merge absorbs a contact that had absorbed others). */
    private static final int MAX_MERGE_HOPS = 20;

    @Inject
    ContactRepository contacts;

    @Inject
    TagRepository tags;

    @Inject
    HistoryRepository history;

    @Inject
    ContactEvents events;

    @Inject
    MergeRepository merges;

    @Inject
    ContactQueries queries;

    @Inject
    WorkspaceContext workspaces;

    @Transactional
    public Contact create(ContactDetails details) {
        Contact contact = Contact.create(withWorkspaceTags(details), user());
        contacts.persist(contact);
        events.created(contact);
        return contact;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Contact> find(UUID id) {
        return contacts.findVisible(id, user());
    }

    /**
     * Applies {@code change} to the contact's current details when {@code ifMatch} (if given) is its version.
     * The version is checked again at flush, so a concurrent writer makes this fail rather than be overwritten.
     */
    @Transactional
    public Contact update(UUID id, Optional<Long> ifMatch, UnaryOperator<ContactDetails> change, LocalDate effectiveOn) {
        Contact contact = require(id);
        checkVersion(contact, ifMatch);
        List<String> tagsBefore = contact.details().tags();
        ContactChanges changes = contact.update(withWorkspaceTags(change.apply(contact.details())), user(),
                effectiveOn == null ? LocalDate.now(ZoneOffset.UTC) : effectiveOn);
        if (changes.none()) {
            return contact;
        }
        changes.history().forEach(history::persist);
        contacts.flush();
        tags.forgetUnused(tagsBefore.stream().filter(tag -> !contact.details().tags().contains(tag)).toList());
        events.updated(contact, changes);
        return contact;
    }

    /** Erases the contact and its history; other services erase theirs on {@code contact.deleted.v1}. */
    @Transactional
    public void delete(UUID id, Optional<Long> ifMatch) {
        Contact contact = require(id);
        checkVersion(contact, ifMatch);
        events.deleted(contact);
        merges.eraseInto(id);
        history.delete("contactId", id);
        List<String> carried = contact.details().tags();
        contacts.delete(contact);
        contacts.flush();
        tags.forgetUnused(carried);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(UUID id) {
        require(id);
        return history.ofContact(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> list(ContactSearch search) {
        return queries.resolve(search).map(resolved -> contacts.list(resolved, user())).orElse(List.of());
    }

    /**
     * Where a merge sent {@code id}: the contact that absorbed it, or the one that absorbed that, as long as
     * the user may see it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tombstone> mergedInto(UUID id) {
        Optional<Tombstone> hop = merges.tombstone(id);
        for (int hops = 0; hop.isPresent() && hops < MAX_MERGE_HOPS; hops++) {
            UUID survivor = hop.get().survivorId();
            if (contacts.findVisible(survivor, user()).isPresent()) {
                return Optional.of(new Tombstone(id, hop.get().mergeId(), survivor));
            }
            hop = merges.tombstone(survivor);
        }
        return Optional.empty();
    }

    /** The contact, if the user may see it; a contact merged away answers 409 naming its survivor. */
    Contact require(UUID id) {
        return contacts.findVisible(id, user()).orElseThrow(() -> mergedInto(id)
                .<RuntimeException>map(tombstone -> Problems.builder(409, "contact-merged", "Contact merged",
                                "Contact " + id + " was merged into " + tombstone.survivorId() + "; use that one")
                        .with("mergedInto", tombstone.survivorId())
                        .with("mergeId", tombstone.mergeId())
                        .build())
                .orElseGet(() -> Problems.notFound("No contact " + id)));
    }

    private static void checkVersion(Contact contact, Optional<Long> ifMatch) {
        if (ifMatch.isPresent() && ifMatch.get() != contact.version()) {
            throw Problems.stale("The contact is at version " + contact.version() + ", not " + ifMatch.get()
                    + "; read it again and reapply your change");
        }
    }

    private ContactDetails withWorkspaceTags(ContactDetails details) {
        List<String> canonical = details.tags().stream().map(tags::ensure).distinct().toList();
        return canonical.equals(details.tags()) ? details : details.withTags(canonical);
    }

    String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this request"));
    }
}
