package dev.rapport.contacts.rest;

import dev.rapport.contacts.service.MergeService;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/v1/merges")
@Tag(name = "Contacts", description = "Contacts, their contact points, tags and dated history; duplicates, merges and exports")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class MergeResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    MergeService merges;

    @Inject
    WorkspaceContext workspaces;

    @POST
    @Path("/{id}/undo")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "undoMerge", summary = "Undo a merge",
            description = "The absorbed contacts come back as they were, with their history and import sources, and the "
                    + "contact that absorbed them goes back to what it was before. Refused (409) once that contact changed "
                    + "after the merge, after the undo window, or when already undone.")
    @APIResponse(responseCode = "200", description = "Undone", content = @Content(schema = @Schema(implementation = MergeUndoView.class)))
    @APIResponse(responseCode = "404", description = "No such merge in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Cannot be undone (any more)", content = @Content(mediaType = PROBLEM))
    public MergeUndoView undo(@PathParam("id") UUID id) {
        MergeService.Undone undone = merges.undo(id);
        String user = workspaces.currentUser().orElseThrow();
        return new MergeUndoView(undone.mergeId(), ContactView.of(undone.survivor()),
                undone.restored().stream().filter(c -> c.visibleTo(user)).map(ContactView::of).toList());
    }
}
