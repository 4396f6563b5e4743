package dev.rapport.contacts.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code contact.created.v1} and {@code contact.updated.v1}: what other services keep of a contact.
 * {@code changedFields} is only on updates. {@code phones} are E.164; a number no country was known for is
 * in {@code phonesAsWritten} instead (added in place: an optional field, which tolerant readers ignore); so are
 * {@code relationship} and {@code tags}, which the other services filter and schedule by. Schemas: resources/META-INF/resources/events/.
 */
public record ContactStateV1(
        UUID contactId, String displayName, String givenName, String familyName,
        List<String> emails, List<String> phones,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> phonesAsWritten, BirthdayV1 birthday,
        String ownerId, String visibility, String company, String title, String city, String country,
        String relationship, List<String> tags,
        long version, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> changedFields) {

    public record BirthdayV1(int month, int day, Integer year) {
    }
}
