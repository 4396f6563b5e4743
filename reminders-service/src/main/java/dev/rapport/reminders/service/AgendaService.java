package dev.rapport.reminders.service;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.domain.Agenda;
import dev.rapport.reminders.domain.AgendaItem;
import dev.rapport.reminders.domain.Birthdays;
import dev.rapport.reminders.domain.Every;
import dev.rapport.reminders.domain.UserSettings;
import dev.rapport.reminders.repository.AgendaFinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The agenda and a contact's reminders, in the user's time zone. */
@ApplicationScoped
public class AgendaService {

    private static final Comparator<AgendaItem> BY_DAY = Comparator.comparing(AgendaItem::due)
            .thenComparing(i -> i.time() == null ? "" : i.time().toString())
            .thenComparing(i -> i.reminderId() == null ? "" : i.reminderId().toString());

    @Inject
    AgendaFinder finder;

    @Inject
    Settings settings;

    @Inject
    ContactProjectionService contacts;

    @Inject
    WorkspaceContext workspaces;

    /** From {@code date} (null: today where the user is) for {@code days} days; each list holds at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Agenda agenda(LocalDate date, int days, int limit) {
        String user = user();
        UserSettings mine = settings.of(user);
        LocalDate from = date != null ? date : LocalDate.now(mine.timeZone());
        // Dates end with year 9999 throughout the API: a window reaching past it stops there.
        LocalDate to = min(from.plusDays(days - 1L), Every.LAST_DAY);
        List<AgendaItem> overdue = new ArrayList<>(finder.overduePromises(user, from, limit));
        if (overdue.size() < limit) {
            overdue.addAll(finder.overdueKeepInTouch(user, from, limit - overdue.size()));
        }
        List<AgendaItem> comingItems = new ArrayList<>(finder.coming(user, from, to, limit));
        List<AgendaItem> birthdays = birthdays(user, from, to.isBefore(from.plusDays(mine.birthdayLeadDays()))
                ? min(from.plusDays(mine.birthdayLeadDays()), Every.LAST_DAY) : to);
        comingItems.addAll(birthdays);
        comingItems.sort(BY_DAY);
        List<AgendaItem> today = comingItems.stream().filter(i -> i.due().equals(from)).limit(limit).toList();
        List<AgendaItem> upcoming = comingItems.stream().filter(i -> i.due().isAfter(from)).limit(limit).toList();
        return new Agenda(from, days, mine.timeZone(), overdue, finder.overdueCount(user, from), today, upcoming);
    }

    /** The contact's (as {@link #visibleContact} found it) open reminders the user may see and its next birthday, by day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AgendaItem> ofContact(ContactProjection contact, LocalDate today) {
        List<AgendaItem> items = new ArrayList<>(finder.ofContact(user(), contact.contactId()));
        if (contact.birthdayMonth() != null && contact.birthdayDay() != null) {
            LocalDate next = Birthdays.next(today, contact.birthdayMonth(), contact.birthdayDay());
            items.add(birthday(contact.contactId(), contact.displayName(), next, contact.birthdayYear()));
        }
        items.sort(BY_DAY);
        return items;
    }

    /** The contact as the current user may see it: 404 for unknown, erased and other users' private contacts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactProjection visibleContact(UUID contactId) {
        return contacts.find(contactId, user()).orElseThrow(() -> Problems.notFound("No contact " + contactId));
    }

    /** Birthdays from {@code from} to {@code to}, each on its day (28 February for 29 February ones in other years). */
    private List<AgendaItem> birthdays(String user, LocalDate from, LocalDate to) {
        List<AgendaItem> found = new ArrayList<>();
        for (AgendaItem b : finder.birthdays(user, from, to)) {
            LocalDate day = Birthdays.next(from, b.due().getMonthValue(), b.due().getDayOfMonth());
            while (!day.isAfter(to)) {
                found.add(birthday(b.contactId(), b.contactName(), day, b.bornIn()));
                day = Birthdays.next(day.plusDays(1), b.due().getMonthValue(), b.due().getDayOfMonth());
            }
        }
        return found;
    }

    private static AgendaItem birthday(UUID contactId, String name, LocalDate day, Integer bornIn) {
        return new AgendaItem(null, AgendaItem.BIRTHDAY, day, null, null, null, contactId, name, null, null, null, null,
                bornIn, null);
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }
}
