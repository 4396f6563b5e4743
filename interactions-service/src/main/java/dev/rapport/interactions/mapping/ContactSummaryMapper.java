package dev.rapport.interactions.mapping;

import dev.rapport.interactions.domain.ContactProjection;
import dev.rapport.interactions.rest.ContactSummaryResponse;

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
