package dev.rapport.contacts.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code dev.rapport.contact.created.v1}; see resources/events/ for its JSON Schema. */
public record ContactCreatedV1(UUID contactId, String displayName, List<String> emails, Instant createdAt) {
}
