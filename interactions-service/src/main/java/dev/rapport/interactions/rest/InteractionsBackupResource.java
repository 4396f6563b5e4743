package dev.rapport.interactions.rest;

import dev.rapport.kit.backup.BackupResource;
import jakarta.ws.rs.Path;

/** This service's part of a workspace backup ({@link BackupResource#path(String)}). */
@Path("/v1/backups/interactions")
public class InteractionsBackupResource extends BackupResource {
}
