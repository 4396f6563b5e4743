package dev.rapport.contacts.rest;

import dev.rapport.kit.changes.ChangesResource;
import jakarta.ws.rs.Path;

/** This service's changes feed ({@link ChangesResource#path(String)}). */
@Path("/v1/changes/contacts")
public class ContactsChangesResource extends ChangesResource {
}
