package dev.rapport.reminders.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code reminder.deleted.v1}; {@code reason}: {@code deleted}, {@code contact-erased},
 * {@code cadence-removed} or {@code follow-up-removed}.
 */
public record ReminderDeletedV1(UUID reminderId, String kind, UUID contactId, String ownerId, long version,
                                Instant deletedAt, String reason) {
}
