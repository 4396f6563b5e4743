package dev.rapport.reminders.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** What a one-off reminder or follow-up says: checked, ready to keep. {@code time} comes with its {@code timeZone}. */
public record ReminderDetails(String text, LocalDate due, LocalTime time, ZoneId timeZone, UUID contactId, Every every) {
}
