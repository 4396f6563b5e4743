package dev.rapport.contacts.service;

import dev.rapport.contacts.config.ContactsConfig;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactChanges;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactMerge;
import dev.rapport.contacts.domain.ContactMergeRecord;
import dev.rapport.contacts.domain.ContactMergeRecord.Absorbed;
import dev.rapport.contacts.domain.ContactMergeRecord.Moved;
import dev.rapport.contacts.domain.ContactSnapshot;
import dev.rapport.contacts.domain.HistoryEntry;
import dev.rapport.contacts.domain.MergeSummary;
import dev.rapport.contacts.messaging.ContactEvents;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.contacts.repository.ContactSourceRepository;
import dev.rapport.contacts.repository.HistoryRepository;
import dev.rapport.contacts.repository.MergeRepository;
import dev.rapport.kit.ids.Uuids;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Merges duplicates into one contact and undoes merges. The survivor keeps its own values, gains what it
 * lacked and every contact point and tag of the absorbed contacts, and takes single-valued fields from
 * another contact where the caller chose so; their history and import sources move to it. Each absorbed
 * contact is kept as it was, so the merge can be undone within {@code rapport.contacts.merge-undo-window}.
 */
@ApplicationScoped
public class MergeService {

    /** A merge of more contacts than this at once is refused: it is almost certainly a mistake. */
    static final int MAX_ABSORBED = 50;

    /** The contacts to absorb, and for a single-valued field the contact (survivor or absorbed) to take it from. */
    public record MergePlan(List<UUID> absorb, Map<String, UUID> choose) {
    }

    /** The survivor as the merge leaves it (not stored when {@code mergeId} is empty: a dry run). */
    public record Merged(Optional<UUID> mergeId, Contact survivor, List<UUID> absorbed) {
    }

    public record Undone(UUID mergeId, Contact survivor, List<Contact> restored) {
    }

    @Inject
    ContactService contactService;

    @Inject
    ContactRepository contacts;

    @Inject
    HistoryRepository history;

    @Inject
    ContactSourceRepository sources;

    @Inject
    MergeRepository merges;

    @Inject
    ContactEvents events;

    @Inject
    ContactsConfig config;

    @Transactional
    public Merged merge(UUID survivorId, MergePlan plan, boolean dryRun) {
        if (!dryRun) {
            contacts.lockInIdOrder(involved(survivorId, plan));
        }
        Contact survivor = contactService.require(survivorId);
        List<Contact> absorbed = absorbed(survivor, plan);
        ContactDetails merged = combine(survivor, absorbed, plan.choose() == null ? Map.of() : plan.choose());
        List<UUID> absorbedIds = absorbed.stream().map(Contact::id).toList();
        if (dryRun) {
            ContactSnapshot now = survivor.snapshot();
            Contact preview = Contact.restore(new ContactSnapshot(now.id(), merged, now.ownerId(), now.createdBy(),
                    now.createdAt(), now.updatedAt(), now.version()));
            return new Merged(Optional.empty(), preview, absorbedIds);
        }
        String user = contactService.user();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ContactDetails before = survivor.details();
        List<Absorbed> kept = new ArrayList<>();
        for (Contact contact : absorbed) {
            ContactSnapshot snapshot = contact.snapshot();
            Moved moved = new Moved(history.moveAll(contact.id(), survivor.id()), sources.moveAll(contact.id(), survivor.id()));
            kept.add(new Absorbed(snapshot, moved));
            contacts.delete(contact);
        }
        ContactChanges changes = survivor.update(merged, user, LocalDate.now(ZoneOffset.UTC));
        changes.history().forEach(history::persist);
        contacts.flush();
        UUID mergeId = Uuids.v7();
        merges.save(new ContactMergeRecord(mergeId, survivor.id(), before, survivor.version(),
                changes.history().stream().map(HistoryEntry::id).toList(), user, at, null, kept));
        if (!changes.none()) {
            events.updated(survivor, changes);
        }
        events.merged(survivor, new MergeSummary(mergeId, survivor.id(), absorbedIds, user, at));
        return new Merged(Optional.of(mergeId), survivor, absorbedIds);
    }

    /**
     * Puts the absorbed contacts back as they were and the survivor as it was before the merge. Refused once
     * the survivor changed since (undoing would silently drop that change) or was itself merged away.
     */
    @Transactional
    public Undone undo(UUID mergeId) {
        ContactMergeRecord merge = merges.findForUpdate(mergeId).orElseThrow(() -> Problems.notFound("No merge " + mergeId));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (merge.undoneAt() != null) {
            throw Problems.conflict("Merge " + mergeId + " was already undone at " + merge.undoneAt());
        }
        if (!merge.undoableAt(at, config.mergeUndoWindow())) {
            throw Problems.conflict("Merge " + mergeId + " is older than " + config.mergeUndoWindow().toDays()
                    + " days and can no longer be undone");
        }
        Contact survivor = contacts.findVisible(merge.survivorId(), contactService.user()).orElseThrow(() -> Problems.conflict(
                "Contact " + merge.survivorId() + " that absorbed the others no longer exists here: it was erased, or merged"
                        + " into another contact (undo that merge first)"));
        if (survivor.version() != merge.survivorVersion()) {
            throw Problems.conflict("Contact " + survivor.id() + " changed since the merge (version " + survivor.version()
                    + ", the merge left version " + merge.survivorVersion() + "); undoing would discard that change");
        }
        List<String> changed = survivor.revert(merge.survivorBefore());
        if (!merge.createdHistory().isEmpty()) {
            history.delete("id in ?1", merge.createdHistory());
        }
        List<Contact> restored = new ArrayList<>();
        for (Absorbed absorbed : merge.absorbed()) {
            Contact contact = Contact.restore(absorbed.snapshot());
            contacts.persist(contact);
            restored.add(contact);
        }
        contacts.flush();
        for (Absorbed absorbed : merge.absorbed()) {
            history.move(absorbed.moved().history(), absorbed.snapshot().id());
            sources.move(absorbed.moved().sources(), absorbed.snapshot().id());
        }
        merges.markUndone(mergeId, at);
        if (!changed.isEmpty()) {
            events.updated(survivor, new ContactChanges(changed, List.of()));
        }
        events.mergeUndone(mergeId, survivor, restored, at);
        return new Undone(mergeId, survivor, restored);
    }

    /** The survivor and the contacts to absorb (as many as a merge may name, so a refused one locks little). */
    private static Set<UUID> involved(UUID survivorId, MergePlan plan) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(survivorId);
        if (plan.absorb() != null) {
            plan.absorb().stream().filter(Objects::nonNull).limit(MAX_ABSORBED + 1).forEach(ids::add);
        }
        return ids;
    }

    private List<Contact> absorbed(Contact survivor, MergePlan plan) {
        List<FieldError> errors = new ArrayList<>();
        List<UUID> ids = plan.absorb() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(plan.absorb()));
        if (ids.isEmpty()) {
            errors.add(FieldError.body("absorb", "name at least one contact to merge into this one"));
        } else if (ids.size() > MAX_ABSORBED) {
            errors.add(FieldError.body("absorb", "at most " + MAX_ABSORBED + " contacts can be merged at once"));
        }
        List<Contact> found = new ArrayList<>();
        for (int i = 0; i < ids.size() && ids.size() <= MAX_ABSORBED; i++) {
            UUID id = ids.get(i);
            Optional<Contact> contact = id == null ? Optional.empty() : contacts.findVisible(id, contactService.user());
            if (survivor.id().equals(id)) {
                errors.add(FieldError.body("absorb[" + i + "]", "is the contact merged into; a contact cannot absorb itself"));
            } else if (contact.isEmpty()) {
                errors.add(FieldError.body("absorb[" + i + "]", "no contact " + id + " in your workspace"));
            } else {
                found.add(contact.get());
            }
        }
        Map<String, UUID> choose = plan.choose() == null ? Map.of() : plan.choose();
        choose.forEach((field, from) -> {
            if (!ContactDetails.SINGLE_VALUED.contains(field)) {
                errors.add(FieldError.body("choose." + field, "is not a field a merge can choose; choose one of "
                        + ContactDetails.SINGLE_VALUED + " (contact points and tags are always combined)"));
            } else if (!survivor.id().equals(from) && found.stream().noneMatch(c -> c.id().equals(from))) {
                errors.add(FieldError.body("choose." + field, "must be the id of this contact or of one being absorbed"));
            }
        });
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return found;
    }

    private static ContactDetails combine(Contact survivor, List<Contact> absorbed, Map<String, UUID> choose) {
        ContactDetails merged = survivor.details();
        for (Contact contact : absorbed) {
            merged = ContactMerge.fill(merged, contact.details());
        }
        for (Map.Entry<String, UUID> choice : choose.entrySet()) {
            ContactDetails from = survivor.id().equals(choice.getValue()) ? survivor.details()
                    : absorbed.stream().filter(c -> c.id().equals(choice.getValue())).findFirst().orElseThrow().details();
            merged = merged.withFieldOf(choice.getKey(), from);
        }
        return merged;
    }
}
