package dev.rapport.reminders.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "CadenceInput", description = "Keep in touch with a contact (contactId) or with everyone carrying a tag (tag): one of the two. A contact's own cadence wins over its tags'; the strictest tag wins among tags.")
public record CadenceInput(
        @Schema(nullable = true, description = "The contact (or tag)") UUID contactId,
        @Schema(nullable = true, examples = "mentor", description = "The tag, whatever its case (or contactId)") @Size(min = 1, max = 100) String tag,
        @Schema(required = true, examples = "P30D", description = "An ISO-8601 period of days, weeks, months or years, P1D to P10Y") String every) {
}
