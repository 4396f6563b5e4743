package dev.rapport.contacts.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code contact.merged.v1}: the absorbed contacts are now the survivor; point what you keep of
 * them at it. Keyed by the survivor.
 */
public record ContactMergedV1(UUID mergeId, UUID survivorId, List<UUID> absorbedIds, String mergedBy, Instant mergedAt) {
}
