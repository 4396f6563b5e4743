package dev.rapport.interactions.rest;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.interactions.config.InteractionsConfig;
import dev.rapport.interactions.domain.InteractionQuery;
import dev.rapport.interactions.service.InteractionService;
import dev.rapport.interactions.service.InteractionStats;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One contact's side of the log: its timeline and its figures. A merged contact's are its survivor's (308). */
@Path("/v1/contacts/{contactId}")
@Tag(name = "Timelines", description = "One contact's interactions and how much you have been in touch")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = InteractionResource.PROBLEM))
@APIResponse(responseCode = "404", description = "No such contact (yet) in your workspace, erased, or private to another user",
        content = @Content(mediaType = InteractionResource.PROBLEM))
@APIResponse(responseCode = "308", description = "Merged into the contact whose path Location names")
public class ContactInteractionsResource {

    private static final int PERMANENT_REDIRECT = 308;

    @Inject
    InteractionService interactions;

    @Inject
    InteractionStats stats;

    @Inject
    InteractionPages pages;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    InteractionsConfig config;

    @GET
    @Path("/timeline")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getContactTimeline", summary = "A contact's interactions, newest first",
            description = "Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the contact's interactions",
            content = @Content(schema = @Schema(implementation = InteractionPageView.class)))
    @APIResponse(responseCode = "422", description = "Invalid limit or cursor", content = @Content(mediaType = InteractionResource.PROBLEM))
    public Response timeline(@PathParam("contactId") UUID contactId,
                             @Parameter(description = "Page size (default 50, at most 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                             @QueryParam("limit") String limit,
                             @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                             @Context UriInfo uri) {
        ContactProjection contact = interactions.visibleContact(contactId);
        if (contact.mergedInto().isPresent()) {
            return survivor(uri, contact.mergedInto().get(), "timeline");
        }
        List<FieldError> errors = new ArrayList<>();
        int size = WholeNumberParameter.parse("limit", limit, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        PageCursor after = InteractionListParameters.cursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return pages.page(InteractionQuery.timeline(user(), contactId, after == null ? null : after.at(),
                after == null ? null : after.id(), size), uri);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getContactInteractionStats", summary = "How much and how lately you have been in touch with a contact")
    @APIResponse(responseCode = "200", description = "The contact's figures",
            content = @Content(schema = @Schema(implementation = ContactStatsView.class)))
    public Response stats(@PathParam("contactId") UUID contactId, @Context UriInfo uri) {
        ContactProjection contact = interactions.visibleContact(contactId);
        if (contact.mergedInto().isPresent()) {
            return survivor(uri, contact.mergedInto().get(), "stats");
        }
        return Response.ok(ContactStatsView.of(contactId, stats.ofContact(contactId, Instant.now()))).build();
    }

    private static Response survivor(UriInfo uri, UUID survivorId, String what) {
        return Response.status(PERMANENT_REDIRECT)
                .location(uri.getBaseUriBuilder().path("v1/contacts/{id}/" + what).build(survivorId)).build();
    }

    private String user() {
        return workspaces.currentUser().orElseThrow();
    }
}
