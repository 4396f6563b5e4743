package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.messaging.ContactEvents;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactService {

    @Inject
    ContactRepository contacts;

    @Inject
    ContactEvents events;

    @Inject
    WorkspaceContext workspaces;

    /** The contact and its created event commit together or not at all. */
    @Transactional
    public Contact create(String displayName, String email) {
        Contact contact = Contact.create(displayName, email, workspaces.currentUser().orElseThrow());
        contacts.persist(contact);
        events.created(contact);
        return contact;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Contact> find(UUID id) {
        return contacts.findByIdOptional(id);
    }
}
