package dev.rapport.contacts.rest;

import dev.rapport.kit.backup.BackupResource;
import jakarta.ws.rs.Path;

/** This service's part of a workspace backup ({@link BackupResource#path(String)}). */
@Path("/v1/backups/contacts")
public class ContactsBackupResource extends BackupResource {
}
