package dev.rapport.contacts.rest;

import dev.rapport.contacts.domain.PhoneNumbers;
import dev.rapport.contacts.service.WorkspaceSettingsService;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/v1/settings")
@Tag(name = "Workspace settings", description = "The workspace's contact settings, such as the region national phone numbers are read in")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class WorkspaceSettingsResource {

    @Inject
    WorkspaceSettingsService settings;

    @Inject
    StrictJson strictJson;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getWorkspaceSettings", summary = "The workspace's contact settings")
    @APIResponse(responseCode = "200", description = "Settings", content = @Content(schema = @Schema(implementation = WorkspaceSettingsView.class)))
    public WorkspaceSettingsView get() {
        return new WorkspaceSettingsView(settings.ownPhoneRegion().orElse(null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putWorkspaceSettings", summary = "Set the workspace's contact settings (admins)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WorkspaceSettingsView.class)))
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(schema = @Schema(implementation = WorkspaceSettingsView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Unknown region", content = @Content(mediaType = "application/problem+json"))
    public WorkspaceSettingsView put(String body) {
        WorkspaceSettingsView input = strictJson.read(strictJson.tree(body), WorkspaceSettingsView.class);
        String region = input.defaultPhoneRegion() == null ? null : input.defaultPhoneRegion().strip().toUpperCase(Locale.ROOT);
        if (region != null && !PhoneNumbers.isRegion(region)) {
            throw Problems.invalid(FieldError.body("defaultPhoneRegion", "must be an ISO 3166 region with a phone plan, such as GB or US"));
        }
        settings.setPhoneRegion(region);
        return new WorkspaceSettingsView(region);
    }
}
