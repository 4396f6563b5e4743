package dev.rapport.reminders.service;

import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.reminders.domain.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may see a reminder: its owner (keep-in-touch have none: the workspace's), and only while its contact, if any, is
 * one the user may see — a keep-in-touch for another user's private contact is that user's alone.
 */
@ApplicationScoped
public class Visibility {

    @Inject
    ContactProjectionService contacts;

    public boolean visible(Reminder reminder, String user) {
        if (!reminder.visibleTo(user)) {
            return false;
        }
        return reminder.contactId().map(id -> contacts.byIds(List.of(id)).get(id)).map(c -> c.visibleTo(user))
                .orElse(reminder.contactId().isEmpty());
    }

    /** The display names of the reminders' contacts, by id (for reminders the caller already knows are visible). */
    public Map<UUID, String> names(Collection<Reminder> reminders) {
        Map<UUID, String> names = new HashMap<>();
        contacts.byIds(reminders.stream().map(r -> r.contactId().orElse(null)).filter(Objects::nonNull).distinct().toList())
                .forEach((id, contact) -> names.put(id, contact.displayName()));
        return names;
    }
}
