package dev.rapport.reminders.messaging;

import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.outbox.Outbox;
import dev.rapport.reminders.domain.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.rapport.events.ReminderEventTypes.COMPLETED_V1;
import static dev.rapport.events.ReminderEventTypes.CREATED_V1;
import static dev.rapport.events.ReminderEventTypes.DELETED_V1;
import static dev.rapport.events.ReminderEventTypes.DISMISSED_V1;
import static dev.rapport.events.ReminderEventTypes.DUE_V1;
import static dev.rapport.events.ReminderEventTypes.TOPIC;
import static dev.rapport.events.ReminderEventTypes.UPDATED_V1;

/**
 * The reminder events this service owns, written to the outbox inside the caller's transaction; the caller flushes
 * first, so the version an event carries is the one committed. Type names and topic: reminder-events.
 */
@ApplicationScoped
public class ReminderEvents {

    public static final String DELETED = "deleted";
    public static final String CONTACT_ERASED = "contact-erased";
    public static final String CONTACT_MERGED = "contact-merged";
    public static final String CADENCE_REMOVED = "cadence-removed";
    public static final String FOLLOW_UP_REMOVED = "follow-up-removed";

    @Inject
    Outbox outbox;

    @Inject
    ContactProjectionService contacts;

    public void created(Reminder reminder) {
        outbox.append(TOPIC, CREATED_V1, reminder.id(), state(reminder, null), audience(reminder));
    }

    public void updated(Reminder reminder) {
        outbox.append(TOPIC, UPDATED_V1, reminder.id(), state(reminder, null), audience(reminder));
    }

    /**
     * Each as {@code created} (a reminder never changed) or {@code updated}, in order: what a recompute touched, with
     * the private owners of all their contacts read in one statement instead of one per reminder.
     */
    public void createdOrUpdated(List<Reminder> reminders) {
        Set<UUID> contactIds = new LinkedHashSet<>();
        reminders.forEach(reminder -> reminder.contactId().ifPresent(contactIds::add));
        Map<UUID, ContactRef> known = contacts.byIds(contactIds);
        for (Reminder reminder : reminders) {
            outbox.append(TOPIC, reminder.version() == 0 ? CREATED_V1 : UPDATED_V1, reminder.id(), state(reminder, null),
                    audienceOf(ContactProjectionService.privateOwners(known, reminder.contactId().stream().toList()),
                            reminder.ownerId().orElse(null)));
        }
    }

    public void completed(Reminder reminder, ReminderStateV1.LogInteractionV1 logInteraction) {
        outbox.append(TOPIC, COMPLETED_V1, reminder.id(), state(reminder, logInteraction), audience(reminder));
    }

    public void dismissed(Reminder reminder) {
        outbox.append(TOPIC, DISMISSED_V1, reminder.id(), state(reminder, null), audience(reminder));
    }

    public void due(Reminder reminder) {
        outbox.append(TOPIC, DUE_V1, reminder.id(), state(reminder, null), audience(reminder));
    }

    /** {@code version}: the last one the reminder had; the event carries the next, so it outranks every state sent. */
    public void deleted(UUID reminderId, String kind, UUID contactId, String ownerId, long version, String reason, Instant at) {
        outbox.append(TOPIC, DELETED_V1, reminderId,
                new ReminderDeletedV1(reminderId, kind, contactId, ownerId, version + 1, at, reason),
                audience(contactId, ownerId));
    }

    public void deleted(Reminder reminder, String reason, Instant at) {
        deleted(reminder.id(), reminder.kind().wire(), reminder.contactId().orElse(null), reminder.ownerId().orElse(null),
                reminder.version(), reason, at);
    }

    private Audience audience(Reminder reminder) {
        return audience(reminder.contactId().orElse(null), reminder.ownerId().orElse(null));
    }

    /** Who outside the services may read it: as the API shows reminders (its owner's; a private contact's owner's). */
    private Audience audience(UUID contactId, String ownerId) {
        return audienceOf(contactId == null ? List.of() : contacts.privateOwners(List.of(contactId)), ownerId);
    }

    /** @param contactOwner the private owner of its contact, if any */
    private static Audience audienceOf(List<String> contactOwner, String ownerId) {
        List<String> owners = new ArrayList<>(contactOwner);
        if (ownerId != null) {
            owners.add(ownerId);
        }
        return Audience.ofPrivateTo(owners);
    }

    private static ReminderStateV1 state(Reminder r, ReminderStateV1.LogInteractionV1 logInteraction) {
        return new ReminderStateV1(r.id(), r.kind().wire(), r.contactId().orElse(null), r.ownerId().orElse(null), r.text(),
                r.due(), r.dueTime().map(t -> t.toString().substring(0, 5)).orElse(null),
                r.timeZone().map(java.time.ZoneId::getId).orElse(null), r.dueAt(), r.snoozedUntil().orElse(null),
                r.every().map(e -> e.iso()).orElse(null), r.lastInteractionOn().orElse(null), r.status().wire(),
                r.originInteractionId().orElse(null), r.completedAt().orElse(null), logInteraction, r.version(),
                r.updatedAt());
    }
}
