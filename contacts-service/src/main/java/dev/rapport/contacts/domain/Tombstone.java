package dev.rapport.contacts.domain;

import java.util.UUID;

/** Where an absorbed contact went: the merge that absorbed it and the contact it became. */
public record Tombstone(UUID contactId, UUID mergeId, UUID survivorId) {
}
