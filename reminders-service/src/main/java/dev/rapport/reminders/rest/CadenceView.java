package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.Cadence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Cadence")
public record CadenceView(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The contact it keeps you in touch with (after merges, the survivor); null for a tag's") UUID contactId,
        @Schema(required = true, nullable = true, description = "The tag as given; null for a contact's") String tag,
        @Schema(required = true, examples = "P30D") String every,
        @Schema(required = true) String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    static CadenceView of(Cadence cadence) {
        return new CadenceView(cadence.id(), cadence.contactId().orElse(null), cadence.tag().orElse(null),
                cadence.every().iso(), cadence.createdBy(), cadence.createdAt(), cadence.updatedAt(), cadence.version());
    }
}
