package dev.rapport.contacts.messaging;

import dev.rapport.contacts.domain.Birthday;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactChanges;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.EmailAddress;
import dev.rapport.contacts.domain.HistoryEntry;
import dev.rapport.contacts.domain.HistoryKind;
import dev.rapport.contacts.domain.MergeSummary;
import dev.rapport.contacts.domain.PhoneNumber;
import dev.rapport.contacts.domain.Visibility;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.rapport.events.ContactEventTypes.CREATED_V1;
import static dev.rapport.events.ContactEventTypes.DELETED_V1;
import static dev.rapport.events.ContactEventTypes.JOB_CHANGED_V1;
import static dev.rapport.events.ContactEventTypes.MERGED_V1;
import static dev.rapport.events.ContactEventTypes.MERGE_UNDONE_V1;
import static dev.rapport.events.ContactEventTypes.MOVED_V1;
import static dev.rapport.events.ContactEventTypes.RELATIONSHIP_CHANGED_V1;
import static dev.rapport.events.ContactEventTypes.RESTORED_V1;
import static dev.rapport.events.ContactEventTypes.TOPIC;
import static dev.rapport.events.ContactEventTypes.UPDATED_V1;

/**
 * The contact events this service owns, written to the outbox inside the caller's transaction. Their type names and
 * topic are the published ones ({@code contact-events}' {@code ContactEventTypes}).
 */
@ApplicationScoped
public class ContactEvents {

    private static final Map<HistoryKind, String> CHANGE_TYPES = Map.of(
            HistoryKind.JOB, JOB_CHANGED_V1,
            HistoryKind.PLACE, MOVED_V1,
            HistoryKind.RELATIONSHIP, RELATIONSHIP_CHANGED_V1);

    @Inject
    Outbox outbox;

    public void created(Contact contact) {
        outbox.append(TOPIC, CREATED_V1, contact.id(), state(contact, null), audience(List.of(contact)));
    }

    /** The contact is back from a backup, as it was: consumers replace whatever they hold for it. */
    public void restored(Contact contact) {
        outbox.append(TOPIC, RESTORED_V1, contact.id(), state(contact, null), audience(List.of(contact)));
    }

    /** The dated changes first, then the new state, so a consumer reading in order ends on the latest state. */
    public void updated(Contact contact, ContactChanges changes) {
        for (HistoryEntry entry : changes.history()) {
            outbox.append(TOPIC, CHANGE_TYPES.get(entry.kind()), contact.id(), new ContactChangeV1(contact.id(),
                    entry.effectiveOn(), entry.oldValue(), entry.newValue(), entry.recordedBy(), contact.version()),
                    audience(List.of(contact)));
        }
        outbox.append(TOPIC, UPDATED_V1, contact.id(), state(contact, changes.fields()), audience(List.of(contact)));
    }

    public void deleted(Contact contact) {
        outbox.append(TOPIC, DELETED_V1, contact.id(), new ContactDeletedV1(contact.id(), Instant.now(), contact.version() + 1),
                audience(List.of(contact)));
    }

    public void merged(Contact survivor, MergeSummary merge) {
        outbox.append(TOPIC, MERGED_V1, merge.survivorId(), new ContactMergedV1(merge.mergeId(), merge.survivorId(),
                merge.absorbedIds(), merge.mergedBy(), merge.mergedAt()), audience(List.of(survivor)));
    }

    public void mergeUndone(UUID mergeId, Contact survivor, List<Contact> restored, Instant undoneAt) {
        outbox.append(TOPIC, MERGE_UNDONE_V1, survivor.id(), new ContactMergeUndoneV1(mergeId, survivor.id(),
                restored.stream().map(contact -> state(contact, null)).toList(), undoneAt),
                audience(Stream.concat(Stream.of(survivor), restored.stream()).toList()));
    }

    /** Who outside the services may read an event carrying these contacts: the owner of the private ones, if one. */
    private static Audience audience(List<Contact> contacts) {
        return Audience.ofPrivateTo(contacts.stream().filter(c -> c.details().visibility() == Visibility.PRIVATE)
                .map(Contact::ownerId).toList());
    }

    /** E.164 numbers (normalised) or the others as written, primary first. */
    private static List<String> phones(ContactDetails d, boolean normalised) {
        return d.phones().stream().filter(p -> p.normalised() == normalised)
                .sorted(Comparator.comparing(PhoneNumber::primary).reversed()).map(PhoneNumber::shown).toList();
    }

    private static ContactStateV1 state(Contact contact, List<String> changedFields) {
        ContactDetails d = contact.details();
        Birthday b = d.birthday();
        return new ContactStateV1(contact.id(), contact.displayName(), d.givenName(), d.familyName(),
                d.emails().stream().sorted(Comparator.comparing(EmailAddress::primary).reversed()).map(EmailAddress::address).toList(),
                phones(d, true), phones(d, false),
                b == null ? null : new ContactStateV1.BirthdayV1(b.month(), b.day(), b.year()),
                contact.ownerId(), d.visibility().wire(), d.company(), d.title(), d.city(), d.country(),
                d.relationship() == null ? null : d.relationship().wire(), List.copyOf(d.tags()),
                contact.version(), contact.createdAt(), contact.updatedAt(), changedFields);
    }
}
