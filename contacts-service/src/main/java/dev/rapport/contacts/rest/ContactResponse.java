package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Contact")
public record ContactResponse(
        @Schema(examples = "01936f0e-7c4a-7cc1-8c3e-0f6f1d2b3a4c") UUID id,
        @Schema(examples = "Ada Lovelace") String displayName,
        @Schema(examples = "ada@example.org") String email,
        @Schema(description = "The user (token subject) who added the contact", examples = "3f6c1a2e-user") String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optimistic-locking version; also sent as the ETag") long version) {
}
