package dev.rapport.kit.testapp;

import dev.rapport.kit.backup.BackupResource;
import jakarta.ws.rs.Path;

@Path("/v1/backups/kit-test")
public class KitBackupResource extends BackupResource {
}
