package dev.rapport.contacts.messaging;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code contact.deleted.v1}: other services erase what they keep of the contact. */
public record ContactDeletedV1(UUID contactId, Instant deletedAt, long version) {
}
