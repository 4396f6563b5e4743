package dev.rapport.reminders.domain;

import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Something to do by a day: keep in touch with a contact (its date follows the last interaction, see
 * {@code KeepInTouchRepository}), a one-off reminder, or a follow-up an interaction promised. It comes due on
 * {@link #due()} (its day, a snooze included) at {@link #dueAt()}: its time in its zone, or the start of the day in its
 * owner's zone (UTC for keep-in-touch, which no one owns). {@code announcedDueAt} remembers which moment the due
 * event was published for, so it goes out once per coming due.
 */
@Entity
@Table(name = "reminder")
public class Reminder {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(nullable = false, updatable = false)
    private String kind;
    @Column(name = "owner_id", updatable = false)
    private String ownerId;
    @Column(name = "set_for_contact_id")
    private UUID setForContactId;
    @Column(name = "contact_id")
    private UUID contactId;
    private String text;
    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;
    @Column(name = "due_time")
    private LocalTime dueTime;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "snoozed_until")
    private LocalDate snoozedUntil;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "announced_due_at")
    private Instant announcedDueAt;
    private String every;
    @Column(nullable = false)
    private String status;
    @Column(name = "since_on")
    private LocalDate sinceOn;
    @Column(name = "last_interaction_on")
    private LocalDate lastInteractionOn;
    @Column(name = "reset_on")
    private LocalDate resetOn;
    @Column(name = "origin_interaction_id", updatable = false)
    private UUID originInteractionId;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Reminder() {
    }

    public static Reminder oneOff(String owner, ReminderDetails details, ZoneId ownerZone, Instant at) {
        Reminder reminder = create(ReminderKind.ONE_OFF, owner, at);
        reminder.replace(details, ownerZone, at);
        return reminder;
    }

    public static Reminder followUp(String owner, UUID interactionId, ReminderDetails details, ZoneId ownerZone, Instant at) {
        Reminder reminder = create(ReminderKind.FOLLOW_UP, owner, at);
        reminder.originInteractionId = interactionId;
        reminder.replace(details, ownerZone, at);
        return reminder;
    }

    private static Reminder create(ReminderKind kind, String owner, Instant at) {
        Reminder reminder = new Reminder();
        reminder.id = Uuids.v7();
        reminder.kind = kind.wire();
        reminder.ownerId = owner;
        reminder.status = ReminderStatus.OPEN.wire();
        reminder.createdAt = at;
        return reminder;
    }

    /** New details for a one-off or follow-up: a new promise, so it is open again and not snoozed. */
    public void replace(ReminderDetails details, ZoneId ownerZone, Instant at) {
        amend(details, ownerZone, at);
        snoozedUntil = null;
        status = ReminderStatus.OPEN.wire();
        changed(ownerZone, at);
    }

    /** New wording or contact for the same promise (same day): a completed one stays completed. */
    public void amend(ReminderDetails details, ZoneId ownerZone, Instant at) {
        text = details.text();
        dueOn = details.due();
        dueTime = details.time();
        timeZone = details.timeZone() == null ? null : details.timeZone().getId();
        every = details.every() == null ? null : details.every().iso();
        if (!java.util.Objects.equals(details.contactId(), contactId)) {
            setForContactId = details.contactId();
            contactId = details.contactId();
        }
        changed(ownerZone, at);
    }

    /** Not due before {@code until}, a day after the one it is due (the caller checks). */
    public void snooze(LocalDate until, ZoneId ownerZone, Instant at) {
        snoozedUntil = until;
        changed(ownerZone, at);
    }

    /**
     * Done. A keep-in-touch counts from {@code today} now (no interaction is pretended: the log says what happened);
     * a recurring one-off rolls to its next day after today; any other is completed.
     */
    public void complete(LocalDate today, ZoneId ownerZone, Instant at) {
        completedAt = at;
        close(today, ReminderStatus.COMPLETED, ownerZone, at);
    }

    /** Not doing it: a keep-in-touch skips this round (counts from today), a recurring one rolls forward. */
    public void dismiss(LocalDate today, ZoneId ownerZone, Instant at) {
        close(today, ReminderStatus.DISMISSED, ownerZone, at);
    }

    private void close(LocalDate today, ReminderStatus closed, ZoneId ownerZone, Instant at) {
        snoozedUntil = null;
        if (kind() == ReminderKind.KEEP_IN_TOUCH) {
            resetOn = today;
            dueOn = every().orElseThrow().after(anchor()).orElse(Every.LAST_DAY);
        } else if (every().isPresent()) {
            Optional<LocalDate> next = every().get().after(dueOn);
            while (next.isPresent() && !next.get().isAfter(today)) {
                next = every().get().after(next.get());
            }
            // A repeat that would pass the last day there is ends here.
            next.ifPresentOrElse(day -> dueOn = day, () -> status = closed.wire());
        } else {
            status = closed.wire();
        }
        changed(ownerZone, at);
    }

    /**
     * The day a keep-in-touch counts from: the last interaction or completion, whichever is later; with neither, the day
     * the cadence began to apply. KeepInTouchRepository computes the same in SQL.
     */
    private LocalDate anchor() {
        return Stream.of(lastInteractionOn, resetOn).filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo).orElse(sinceOn);
    }

    /** The owner's zone changed: a date-only reminder now begins with their day. */
    public void ownerZoneChanged(ZoneId ownerZone, Instant at) {
        changed(ownerZone, at);
    }

    private void changed(ZoneId ownerZone, Instant at) {
        LocalDate day = due();
        ZoneId zone = timeZone != null ? ZoneId.of(timeZone) : ownerZone != null ? ownerZone : ZoneOffset.UTC;
        dueAt = day.atTime(dueTime == null ? LocalTime.MIDNIGHT : dueTime).atZone(zone).toInstant();
        updatedAt = at;
    }

    public boolean isOpen() {
        return ReminderStatus.OPEN.wire().equals(status);
    }

    /** The day it comes due, a snooze included. */
    public LocalDate due() {
        return snoozedUntil != null && snoozedUntil.isAfter(dueOn) ? snoozedUntil : dueOn;
    }

    public boolean visibleTo(String user) {
        return ownerId == null || ownerId.equals(user);
    }

    public UUID id() {
        return id;
    }

    public ReminderKind kind() {
        return ReminderKind.of(kind).orElseThrow();
    }

    public Optional<String> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    public Optional<UUID> contactId() {
        return Optional.ofNullable(contactId);
    }

    public Optional<UUID> setForContactId() {
        return Optional.ofNullable(setForContactId);
    }

    /** The contact it was set for is {@code contactNow} (merged into it, or itself again). */
    public void repoint(UUID contactNow, Instant at) {
        contactId = contactNow;
        updatedAt = at;
    }

    public String text() {
        return text;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Optional<LocalTime> dueTime() {
        return Optional.ofNullable(dueTime);
    }

    public Optional<ZoneId> timeZone() {
        return Optional.ofNullable(timeZone).map(ZoneId::of);
    }

    public Optional<LocalDate> snoozedUntil() {
        return Optional.ofNullable(snoozedUntil);
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Optional<Every> every() {
        return Optional.ofNullable(every).flatMap(Every::parse);
    }

    public ReminderStatus status() {
        return ReminderStatus.of(status).orElseThrow();
    }

    public Optional<LocalDate> lastInteractionOn() {
        return Optional.ofNullable(lastInteractionOn);
    }

    public Optional<UUID> originInteractionId() {
        return Optional.ofNullable(originInteractionId);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** The details a client may change (one-offs and follow-ups). */
    public ReminderDetails details() {
        return new ReminderDetails(text, dueOn, dueTime, timeZone().orElse(null), contactId,
                every().orElse(null));
    }
}
