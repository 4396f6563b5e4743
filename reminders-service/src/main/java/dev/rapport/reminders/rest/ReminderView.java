package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.Reminder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Reminder", description = "A keep-in-touch (the workspace's: one per contact with a cadence), one-off or follow-up reminder (yours)")
public record ReminderView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"keep-in-touch", "one-off", "follow-up"}) String kind,
        @Schema(required = true, nullable = true) UUID contactId,
        @Schema(required = true, nullable = true, description = "The contact's name as this service knows it") String contactName,
        @Schema(required = true, nullable = true, description = "Whose it is; null for keep-in-touch (the workspace's)") String ownerId,
        @Schema(required = true, nullable = true, description = "null for keep-in-touch") String text,
        @Schema(required = true, format = "date", description = "The day it comes due, a snooze included") LocalDate due,
        @Schema(required = true, nullable = true, examples = "09:30") String time,
        @Schema(required = true, nullable = true, examples = "Europe/Paris") String timeZone,
        @Schema(required = true, description = "The moment it comes due (date-only: the start of the day in its owner's zone; keep-in-touch: UTC)") Instant dueAt,
        @Schema(required = true, nullable = true, format = "date") LocalDate snoozedUntil,
        @Schema(required = true, nullable = true, examples = "P30D", description = "Keep-in-touch: the cadence; one-off: its repeat") String every,
        @Schema(required = true, nullable = true, format = "date", description = "Keep-in-touch: the day of the last interaction with the contact") LocalDate lastInteractionOn,
        @Schema(required = true, enumeration = {"open", "completed", "dismissed"}) String status,
        @Schema(required = true, nullable = true, description = "Follow-ups: the interaction that promised it") UUID originInteractionId,
        @Schema(required = true, nullable = true) Instant completedAt,
        @Schema(required = true) long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static ReminderView of(Reminder r, Map<UUID, String> names) {
        return new ReminderView(r.id(), r.kind().wire(), r.contactId().orElse(null),
                r.contactId().map(names::get).orElse(null), r.ownerId().orElse(null), r.text(), r.due(),
                r.dueTime().map(t -> t.toString().substring(0, 5)).orElse(null),
                r.timeZone().map(java.time.ZoneId::getId).orElse(null), r.dueAt(), r.snoozedUntil().orElse(null),
                r.every().map(e -> e.iso()).orElse(null), r.lastInteractionOn().orElse(null), r.status().wire(),
                r.originInteractionId().orElse(null), r.completedAt().orElse(null), r.version(), r.createdAt(),
                r.updatedAt());
    }
}
