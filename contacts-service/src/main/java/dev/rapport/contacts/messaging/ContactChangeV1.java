package dev.rapport.contacts.messaging;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Payload of {@code contact.job-changed.v1}, {@code contact.moved.v1} and {@code contact.relationship-changed.v1}. */
public record ContactChangeV1(UUID contactId, LocalDate effectiveOn, Map<String, String> from, Map<String, String> to,
                              String recordedBy, long version) {
}
