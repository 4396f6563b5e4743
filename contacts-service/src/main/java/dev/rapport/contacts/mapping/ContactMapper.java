package dev.rapport.contacts.mapping;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.rest.ContactResponse;

public final class ContactMapper {
    private ContactMapper() {
    }

    public static ContactResponse toResponse(Contact contact) {
        return new ContactResponse(contact.id(), contact.displayName(), contact.email(), contact.createdBy(),
                contact.createdAt(),
                contact.updatedAt(), contact.version());
    }
}
