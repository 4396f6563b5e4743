package dev.rapport.contacts.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code contact.merge-undone.v1}: the absorbed contacts exist again, each as it was before the
 * merge; move back what you pointed at the survivor. Keyed by the survivor.
 */
public record ContactMergeUndoneV1(UUID mergeId, UUID survivorId, List<ContactStateV1> restored, Instant undoneAt) {
}
