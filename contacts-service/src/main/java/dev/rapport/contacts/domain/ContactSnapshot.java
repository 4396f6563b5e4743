package dev.rapport.contacts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact exactly as stored: what a merge keeps of an absorbed contact so it can be undone, and what a
 * backup writes so a restore gives back the same contact (same id, owner, dates and version).
 */
public record ContactSnapshot(UUID id, ContactDetails details, String ownerId, String createdBy,
                              Instant createdAt, Instant updatedAt, long version) {
}
