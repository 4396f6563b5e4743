package dev.rapport.interactions.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of {@code reminder.completed.v1} (reminders-service owns the schema): the interaction the
 * user asked to have logged with the completion, if any. A tolerant reader.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReminderCompletedV1(UUID reminderId, LogInteraction logInteraction) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogInteraction(UUID interactionId, String kind, Instant occurredAt, String timeZone, String summary,
                                 String initiatedBy, List<UUID> participants, String createdBy) {
    }
}
