package dev.rapport.directory.mapping;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.rest.ContactSummaryResponse;

public final class ContactSummaryMapper {
    private ContactSummaryMapper() {
    }

    public static ContactSummaryResponse toResponse(ContactProjection projection) {
        ContactSummaryResponse.Birthday birthday = projection.birthdayMonth() == null ? null
                : new ContactSummaryResponse.Birthday(projection.birthdayMonth(), projection.birthdayDay(), projection.birthdayYear());
        return new ContactSummaryResponse(projection.contactId(), projection.displayName(), projection.emails(), birthday,
                projection.version());
    }
}
