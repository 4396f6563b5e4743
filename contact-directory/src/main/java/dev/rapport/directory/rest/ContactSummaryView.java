package dev.rapport.directory.rest;

import dev.rapport.directory.domain.ContactProjection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The summary's API type; its schema names are the service's own ({@link ContactSummaryApiNames}). */
@Schema(name = ContactSummaryApiNames.SUMMARY_SCHEMA, description = "A contact as this service knows it.")
public record ContactSummaryView(
        @Schema(required = true, examples = "01936f0e-7c4a-7cc1-8c3e-0f6f1d2b3a4c") UUID contactId,
        @Schema(required = true, examples = "Ada Lovelace") String displayName,
        @Schema(description = "Every email address of the contact, primary first", examples = "[\"ada@example.org\"]")
        List<String> emails,
        @Schema(nullable = true) Birthday birthday,
        @Schema(description = "The contact's tags", examples = "[\"mentor\"]") List<String> tags,
        @Schema(nullable = true, enumeration = {"professional", "personal", "both"},
                description = "How the user knows the contact; null when not said") String relationship,
        @Schema(required = true, description = "The contact's version this summary reflects") long version) {

    @Schema(name = ContactSummaryApiNames.BIRTHDAY_SCHEMA)
    public record Birthday(@Schema(required = true) int month, @Schema(required = true) int day, Integer year) {
    }

    public static ContactSummaryView of(ContactProjection projection) {
        Birthday birthday = projection.birthdayMonth() == null ? null
                : new Birthday(projection.birthdayMonth(), projection.birthdayDay(), projection.birthdayYear());
        return new ContactSummaryView(projection.contactId(), projection.displayName(), projection.emails(), birthday,
                projection.tags(), projection.relationship(), projection.version());
    }
}
