package dev.rapport.directory.rest;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.kit.openapi.ApiContract;
import dev.rapport.kit.config.ServiceConfig;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.kit.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The contact as this service's projection holds it. Each service's API document names the operation and its
 * types after the service ({@link ContactSummaryApiNames}).
 */
@Tag(name = ContactSummaryApiNames.TAG, description = "A contact as this service knows it from contacts-service's events")
@Produces(MediaType.APPLICATION_JSON)
public abstract class ContactSummaryResource {

    /**
     * The path template of a service's summaries: {@code interactions-service} →
     * {@code /v1/contact-directory/interactions/{contactId}}. Each service serves them at its own path, with a
     * subclass that names it, so one origin routes every service's.
     */
    public static String path(String serviceName) {
        return "/v1/contact-directory/" + serviceName.replaceFirst("-service$", "") + "/{contactId}";
    }

    private static final int PERMANENT_REDIRECT = 308;

    @Inject
    ContactProjectionService projections;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ServiceConfig service;

    @GET
    @Path("/{contactId}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    // Quarkus does not see @RolesAllowed on a method a resource inherits: the requirement is written out.
    @SecurityRequirement(name = ApiContract.TOKEN_SCHEME, scopes = {Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = ContactSummaryApiNames.OPERATION_ID, summary = "A contact as this service knows it")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = ContactSummaryView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such contact (yet) in your workspace, erased, or private to another user",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "308", description = "Merged into the contact named by Location")
    public Response get(@PathParam("contactId") UUID contactId, @Context UriInfo uri) {
        ContactProjection projection = projections.find(contactId, workspaces.currentUser().orElseThrow())
                .orElseThrow(() -> Problems.notFound("No contact " + contactId));
        return projection.mergedInto()
                .map(survivor -> Response.status(PERMANENT_REDIRECT)
                        .location(uri.getBaseUriBuilder().path(path(service.name())).build(survivor)))
                .orElseGet(() -> Response.ok(ContactSummaryView.of(projection)))
                .build();
    }
}
