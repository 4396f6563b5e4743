package dev.rapport.reminders.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One line of the agenda: a reminder (its day a snooze included), or a birthday ({@code reminderId} null,
 * {@code kind} {@code birthday}). {@code everyDays} is a keep-in-touch cadence in days (a month as 30), by which
 * overdue ones are ranked; {@code bornIn} is a birthday's year when known.
 */
public record AgendaItem(UUID reminderId, String kind, LocalDate due, LocalTime time, String timeZone, String text,
                         UUID contactId, String contactName, String every, Double everyDays, LocalDate snoozedUntil,
                         LocalDate lastInteractionOn, Integer bornIn, Long version) {

    public static final String BIRTHDAY = "birthday";
}
