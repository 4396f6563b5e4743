package dev.rapport.reminders.mapping;

import dev.rapport.reminders.domain.ContactProjection;
import dev.rapport.reminders.rest.ContactSummaryResponse;

public final class ContactSummaryMapper {
    private ContactSummaryMapper() {
    }

    public static ContactSummaryResponse toResponse(ContactProjection projection) {
        return new ContactSummaryResponse(projection.contactId(), projection.displayName(), projection.emails());
    }
}
