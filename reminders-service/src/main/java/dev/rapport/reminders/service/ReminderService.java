package dev.rapport.reminders.service;

import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.domain.Reminder;
import dev.rapport.reminders.domain.ReminderDetails;
import dev.rapport.reminders.domain.ReminderKind;
import dev.rapport.reminders.domain.InteractionToLog;
import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.messaging.ReminderStateV1;
import dev.rapport.reminders.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Reminders' use cases, each one transaction; every change's event goes out through the outbox. */
@ApplicationScoped
public class ReminderService {

    @Inject
    ReminderRepository reminders;

    @Inject
    ContactProjectionService contacts;

    @Inject
    Visibility visibility;

    @Inject
    Settings settings;

    @Inject
    ReminderEvents events;

    @Inject
    WorkspaceContext workspaces;

    @Transactional
    public Reminder create(ReminderDetails details) {
        String user = user();
        checkContact(details, user);
        Reminder reminder = Reminder.oneOff(user, zoned(details, user), settings.zoneOf(user), Instant.now());
        reminders.persist(reminder);
        reminders.flush();
        events.created(reminder);
        return reminder;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Reminder> find(UUID id) {
        String user = user();
        return reminders.byId(id).filter(r -> visibility.visible(r, user));
    }

    /** A page of what the user may see (decided in its query); the contacts' names are put in {@code names}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reminder> page(UUID after, String status, String kind, UUID contactId, int size, Map<UUID, String> names) {
        List<Reminder> page = reminders.page(user(), after, status, kind, contactId, size);
        names.putAll(visibility.names(page));
        return page;
    }

    /** The name of the reminder's contact, by id (empty without one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> names(Reminder reminder) {
        return visibility.names(List.of(reminder));
    }

    /** A one-off's or follow-up's new details; a keep-in-touch follows its cadence and cannot be edited. */
    @Transactional
    public Reminder update(UUID id, Optional<Long> ifMatch, UnaryOperator<ReminderDetails> change) {
        Reminder reminder = require(id, ifMatch);
        if (reminder.kind() == ReminderKind.KEEP_IN_TOUCH) {
            throw Problems.conflict("A keep-in-touch reminder follows its contact's cadence and interactions: change the cadence (/v1/cadences), or snooze, complete or dismiss it");
        }
        ReminderDetails details = zoned(change.apply(reminder.details()), user());
        checkContact(details, user());
        reminder.replace(details, settings.zoneOf(user()), Instant.now());
        reminders.flush();
        events.updated(reminder);
        return reminder;
    }

    @Transactional
    public void delete(UUID id, Optional<Long> ifMatch) {
        Reminder reminder = require(id, ifMatch);
        if (reminder.kind() == ReminderKind.KEEP_IN_TOUCH) {
            throw Problems.conflict("A keep-in-touch reminder lasts as long as its contact's cadence: remove the cadence (/v1/cadences), or dismiss this round");
        }
        reminders.delete(reminder);
        events.deleted(reminder, ReminderEvents.DELETED, Instant.now());
    }

    @Transactional
    public Reminder snooze(UUID id, Optional<Long> ifMatch, LocalDate until) {
        Reminder reminder = require(id, ifMatch);
        requireOpen(reminder);
        LocalDate today = settings.today(user());
        if (until.isBefore(today)) {
            throw Problems.invalid(FieldError.body("until", "is before today (" + today + " in your time zone)"));
        }
        if (!until.isAfter(reminder.dueOn())) {
            throw Problems.invalid(FieldError.body("until", "is not after the day it is due (" + reminder.dueOn() + ")"));
        }
        reminder.snooze(until, zone(reminder), Instant.now());
        reminders.flush();
        events.updated(reminder);
        return reminder;
    }

    /**
     * Done. Asked to, it has the interaction that did it logged: the completed event carries it, and interactions-service
     * logs it under the id given here (so a redelivered event logs it once), which moves the keep-in-touch as any
     * interaction does. A reminder without a contact has no one to log it with (422).
     *
     * @return the reminder, and the id the interaction will have (null when none was asked for)
     */
    @Transactional
    public Completed complete(UUID id, Optional<Long> ifMatch, InteractionToLog toLog) {
        Reminder reminder = require(id, ifMatch);
        requireOpen(reminder);
        if (toLog != null && reminder.contactId().isEmpty()) {
            throw Problems.invalid(FieldError.body("logInteraction", "needs a reminder about a contact: this one has none"));
        }
        String user = user();
        reminder.complete(settings.today(user), zone(reminder), Instant.now());
        reminders.flush();
        ReminderStateV1.LogInteractionV1 logged = toLog == null ? null : new ReminderStateV1.LogInteractionV1(
                dev.rapport.kit.ids.Uuids.v7(), toLog.kind(), toLog.occurredAt(),
                (toLog.timeZone() == null ? settings.zoneOf(user) : toLog.timeZone()).getId(), toLog.summary(),
                toLog.initiatedBy(), List.of(reminder.contactId().get()), user);
        events.completed(reminder, logged);
        return new Completed(reminder, logged == null ? null : logged.interactionId());
    }

    /** A completed reminder, and the interaction asked to be logged for it, if any. */
    public record Completed(Reminder reminder, UUID interactionId) {
    }

    @Transactional
    public Reminder dismiss(UUID id, Optional<Long> ifMatch) {
        Reminder reminder = require(id, ifMatch);
        requireOpen(reminder);
        reminder.dismiss(settings.today(user()), zone(reminder), Instant.now());
        reminders.flush();
        events.dismissed(reminder);
        return reminder;
    }

    /** A time without a zone is in the user's zone, kept with it: it stays that time wherever they go next. */
    private ReminderDetails zoned(ReminderDetails details, String user) {
        return details.time() == null || details.timeZone() != null ? details
                : new ReminderDetails(details.text(), details.due(), details.time(), settings.zoneOf(user),
                details.contactId(), details.every());
    }

    /** The zone a date-only reminder's day begins in: its owner's (keep-in-touch: UTC, as the database computes it). */
    private java.time.ZoneId zone(Reminder reminder) {
        return reminder.ownerId().map(settings::zoneOf).orElse(java.time.ZoneOffset.UTC);
    }

    private static void requireOpen(Reminder reminder) {
        if (!reminder.isOpen()) {
            throw Problems.conflict("Reminder " + reminder.id() + " is " + reminder.status().wire() + " already");
        }
    }

    private void checkContact(ReminderDetails details, String user) {
        if (details.contactId() != null && contacts.find(details.contactId(), user).isEmpty()) {
            throw Problems.invalid(FieldError.body("contactId",
                    "is not a contact of this workspace you can see (a contact created a moment ago may take a moment to arrive)"));
        }
    }

    private Reminder require(UUID id, Optional<Long> ifMatch) {
        Reminder reminder = find(id).orElseThrow(() -> Problems.notFound("No reminder " + id));
        if (ifMatch.isPresent() && ifMatch.get() != reminder.version()) {
            throw Problems.stale("Reminder " + id + " changed since you read it (now version " + reminder.version() + ")");
        }
        return reminder;
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }
}
