package dev.rapport.interactions.domain;

import java.time.Instant;
import java.util.UUID;

/** A contact and its last interaction, for the "who have I lost touch with" list. */
public record LastTouch(UUID contactId, String displayName, Instant lastAt, String lastKind, UUID lastInteractionId) {
}
