package dev.rapport.reminders.service;

import dev.rapport.directory.domain.ContactChange;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.reminders.domain.Reminder;
import dev.rapport.reminders.domain.ReminderKind;
import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.repository.CadenceRepository;
import dev.rapport.reminders.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps cadences and reminders in step with contact events, in the consumer's transaction: an erased contact takes its
 * reminders and cadences with it; merged contacts' cadences and reminders become the survivor's (its keep-in-touch
 * follows the strictest cadence, and birthdays come from the survivor alone); an undone merge gives each back to the
 * contact it was set for. A contact's tags changing may give it a cadence or take one away.
 */
@ApplicationScoped
public class ContactReminderChanges {

    @Inject
    CadenceRepository cadences;

    @Inject
    ReminderRepository reminders;

    @Inject
    ContactProjectionService contacts;

    @Inject
    KeepInTouch keepInTouch;

    @Inject
    ReminderEvents events;

    @Transactional(Transactional.TxType.MANDATORY)
    void onContactChange(@Observes ContactChange change) {
        if (change instanceof ContactChange.Changed changed) {
            keepInTouch.refresh(changed.contactIds(), ReminderEvents.CADENCE_REMOVED);
        } else if (change instanceof ContactChange.Erased erased) {
            erase(erased.contactId());
        } else if (change instanceof ContactChange.Merged merged) {
            Set<UUID> affected = new LinkedHashSet<>(merged.absorbedIds());
            affected.add(merged.survivorId());
            repoint(affected, ReminderEvents.CONTACT_MERGED);
        } else if (change instanceof ContactChange.Unmerged unmerged) {
            Set<UUID> affected = new LinkedHashSet<>(unmerged.restoredIds());
            affected.add(unmerged.survivorId());
            repoint(affected, ReminderEvents.CADENCE_REMOVED);
        }
    }

    private void erase(UUID contactId) {
        Instant now = Instant.now();
        for (Reminder reminder : reminders.naming(List.of(contactId))) {
            reminders.delete(reminder);
            events.deleted(reminder, ReminderEvents.CONTACT_ERASED, now);
        }
        cadences.removeContact(contactId);
    }

    /** Each cadence and one-off or follow-up naming these contacts belongs to who its contact is now. */
    private void repoint(Set<UUID> contactIds, String removedBecause) {
        for (UUID setFor : cadences.setFor(contactIds)) {
            cadences.repoint(setFor, contacts.resolve(setFor));
        }
        Instant now = Instant.now();
        for (Reminder reminder : reminders.naming(contactIds)) {
            if (reminder.kind() == ReminderKind.KEEP_IN_TOUCH || reminder.setForContactId().isEmpty()) {
                continue;
            }
            UUID current = contacts.resolve(reminder.setForContactId().get());
            if (!Objects.equals(reminder.contactId().orElse(null), current)) {
                reminder.repoint(current, now);
                reminders.flush();
                events.updated(reminder);
            }
        }
        keepInTouch.refresh(contactIds, removedBecause);
    }
}
