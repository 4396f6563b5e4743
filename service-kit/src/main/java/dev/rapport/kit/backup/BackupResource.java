package dev.rapport.kit.backup;

import dev.rapport.kit.openapi.ApiContract;
import dev.rapport.kit.openapi.ApiHeaders;
import dev.rapport.kit.openapi.SharedApiNames;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.rapport.kit.config.ServiceConfig;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Every service's backup of its own data for the caller's workspace, and its restore into an empty one. Each service
 * serves it at its own path, {@link #path(String) /v1/backups/&lt;area&gt;}, with a subclass that names it, so one
 * origin can route every service's backup (the operation ids are the service's own, {@link SharedApiNames}).
 */
@Tag(name = SharedApiNames.BACKUP_TAG, description = "This service's data of your workspace as one signed file, and restoring it into an empty workspace")
public abstract class BackupResource {

    /** The path of a service's backup: {@code contacts-service} → {@code /v1/backups/contacts}. */
    public static String path(String serviceName) {
        return "/v1/backups/" + serviceName.replaceFirst("-service$", "");
    }

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_ADMIN = "Not a workspace admin";

    @Inject
    WorkspaceBackup backup;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ServiceConfig service;

    @GET
    @RolesAllowed(Roles.ADMIN)
    // Quarkus does not see @RolesAllowed on a method a resource inherits: the requirement is written out.
    @SecurityRequirement(name = ApiContract.TOKEN_SCHEME, scopes = Roles.ADMIN)
    @Produces(WorkspaceBackup.MEDIA_TYPE)
    @Operation(operationId = SharedApiNames.BACKUP, summary = "Back up this service's data of your workspace",
            description = "NDJSON, streamed from one consistent snapshot: a header line, one line per row, and an end line "
                    + "with the row count. Back up every service to back up the whole workspace.")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.CONTENT_DISPOSITION, ref = ApiHeaders.CONTENT_DISPOSITION), description = "The backup", content = @Content(mediaType = WorkspaceBackup.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Backups are not configured (no rapport.backup.signing-key)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = NOT_ADMIN, content = @Content(mediaType = PROBLEM))
    public Response backup() {
        backup.requireSigningKey();
        StreamingOutput body = backup::write;
        String filename = "rapport-" + service.name() + "-" + workspaces.require() + "-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson";
        return Response.ok(body, WorkspaceBackup.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    // Quarkus does not see @RolesAllowed on a method a resource inherits: the requirement is written out.
    @SecurityRequirement(name = ApiContract.TOKEN_SCHEME, scopes = Roles.ADMIN)
    @Path("/restore")
    @Consumes(WorkspaceBackup.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = SharedApiNames.RESTORE, summary = "Restore a backup of this service into your (empty) workspace",
            description = "All or nothing, in one transaction. The backup may come from another workspace or install. "
                    + "Up to quarkus.http.limits.max-body-size (20 MiB by default).")
    @RequestBody(required = true, content = @Content(mediaType = WorkspaceBackup.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "Rows restored, by table")
    @APIResponse(responseCode = "400", description = "Not a complete, unaltered backup of this service signed with this install's key",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The workspace is not empty, or the rows clash with data in this install",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Backup too large", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "Backups are not configured (no rapport.backup.signing-key)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = NOT_ADMIN, content = @Content(mediaType = PROBLEM))
    public Map<String, Map<String, Long>> restore(InputStream body) {
        return Map.of("restored", backup.restore(body));
    }
}
