package dev.rapport.reminders.service;

import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.reminders.domain.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
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
        return filter(List.of(reminder), user).size() == 1;
    }

    /** Those the user may see, in order; the contacts' names are put in {@code names}. */
    public List<Reminder> filter(Collection<Reminder> reminders, String user, Map<UUID, String> names) {
        Map<UUID, ContactRef> known = contacts.byIds(reminders.stream().map(r -> r.contactId().orElse(null))
                .filter(Objects::nonNull).distinct().toList());
        known.forEach((id, contact) -> names.put(id, contact.displayName()));
        return reminders.stream().filter(r -> r.visibleTo(user))
                .filter(r -> r.contactId().map(known::get).map(c -> c.visibleTo(user)).orElse(r.contactId().isEmpty()))
                .toList();
    }

    public List<Reminder> filter(Collection<Reminder> reminders, String user) {
        return filter(reminders, user, new java.util.HashMap<>());
    }
}
