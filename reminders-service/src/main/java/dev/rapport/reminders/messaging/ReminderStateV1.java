package dev.rapport.reminders.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code reminder.created|updated|completed|dismissed|due.v1}: the reminder as it is after the change.
 * Schemas: reminder-events.
 */
public record ReminderStateV1(
        UUID reminderId, String kind, UUID contactId, String ownerId, String text, LocalDate due, String dueTime,
        String timeZone, Instant dueAt, LocalDate snoozedUntil, String every, LocalDate lastInteractionOn, String status,
        UUID originInteractionId, Instant completedAt, LogInteractionV1 logInteraction, long version, Instant updatedAt) {

    /** On a completion the client asked to log: interactions-service logs it under this id (so once). */
    public record LogInteractionV1(UUID interactionId, String kind, Instant occurredAt, String timeZone, String summary,
                                   String initiatedBy, List<UUID> participants, String createdBy) {
    }
}
