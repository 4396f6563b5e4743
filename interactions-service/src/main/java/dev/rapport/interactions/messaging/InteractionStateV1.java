package dev.rapport.interactions.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code interaction.logged.v1} and {@code interaction.updated.v1}: what other services need to keep in
 * touch and follow up (not the notes or feedback, which stay here). Schemas: interaction-events.
 */
public record InteractionStateV1(
        UUID interactionId, String kind, Instant occurredAt, String timeZone, Integer durationMinutes,
        String initiatedBy, List<UUID> participants, String summary, FollowUpV1 followUp, List<String> tags,
        String visibility, String createdBy, String source, long version, Instant createdAt, Instant updatedAt) {

    public record FollowUpV1(LocalDate due, String text) {
    }
}
