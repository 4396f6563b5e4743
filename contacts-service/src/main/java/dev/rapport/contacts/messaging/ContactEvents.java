package dev.rapport.contacts.messaging;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The contact events this service owns, written to the outbox inside the caller's transaction. */
@ApplicationScoped
public class ContactEvents {

    public static final String TOPIC = "rapport.contacts.v1";
    public static final String CREATED_V1 = "dev.rapport.contact.created.v1";

    @Inject
    Outbox outbox;

    public void created(Contact contact) {
        List<String> emails = contact.email() == null ? List.of() : List.of(contact.email());
        outbox.append(TOPIC, CREATED_V1, contact.id(),
                new ContactCreatedV1(contact.id(), contact.displayName(), emails, contact.createdAt()));
    }
}
