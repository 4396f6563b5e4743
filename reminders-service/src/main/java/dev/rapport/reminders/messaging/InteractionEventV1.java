package dev.rapport.reminders.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What reminders read of {@code interaction.logged|updated|deleted.v1} (interactions-service owns the schemas): a
 * tolerant reader, so fields it does not use may come and go.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionEventV1(UUID interactionId, Instant occurredAt, String timeZone, List<UUID> participants,
                                 FollowUp followUp, String summary, String visibility, String createdBy, Long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(LocalDate due, String text) {
    }
}
