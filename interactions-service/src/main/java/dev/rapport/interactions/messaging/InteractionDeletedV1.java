package dev.rapport.interactions.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code interaction.deleted.v1}; {@code reason} is {@code deleted} or {@code participants-erased}. */
public record InteractionDeletedV1(UUID interactionId, List<UUID> participants, long version, Instant deletedAt,
                                   String reason) {
}
