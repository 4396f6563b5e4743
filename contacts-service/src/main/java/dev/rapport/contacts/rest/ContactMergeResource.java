package dev.rapport.contacts.rest;

import dev.rapport.contacts.service.MergeService;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.idempotency.IdempotentPost;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.rapport.kit.http.TrueFalseParameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/v1/contacts/{id}/merge")
@Tag(name = "Contacts", description = "Contacts, their contact points, tags and dated history; duplicates, merges and exports")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class ContactMergeResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    MergeService merges;

    @Inject
    StrictJson strictJson;

    @Inject
    IdempotentPost idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "mergeContacts", summary = "Merge duplicates into this contact",
            description = "This contact keeps its values, gains what it lacked and every email, phone, social profile, "
                    + "website and tag of the others, and takes the fields named in `choose` from the contact chosen. The "
                    + "others' history and import sources move to it; the others become ids that answer 308 with this one. "
                    + "`dryRun=true` shows the result and writes nothing. Undo within the undo window (30 days by default).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MergeInput.class)))
    @APIResponse(responseCode = "200", description = "Merged (or, on a dry run, what a merge would give)",
            content = @Content(schema = @Schema(implementation = MergeView.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "This contact was itself merged into another", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown contacts to absorb, an invalid choice, or a dryRun that is neither true nor false", content = @Content(mediaType = PROBLEM))
    public Response merge(@PathParam("id") UUID id, String body,
                          @Parameter(description = "Show the result without merging", schema = @Schema(type = SchemaType.BOOLEAN))
                          @QueryParam("dryRun") String dryRunText,
                          @Parameter(description = "Any unique string; retries reuse it") @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        boolean dryRun = TrueFalseParameter.require("dryRun", dryRunText);
        return idempotent.run("POST /v1/contacts/" + id + "/merge?dryRun=" + dryRun, idempotencyKey, body, () -> {
            MergeInput input = strictJson.read(strictJson.tree(body), MergeInput.class);
            MergeService.Merged merged = merges.merge(id, new MergeService.MergePlan(input.absorb(), input.choose()), dryRun);
            return Response.ok(new MergeView(merged.mergeId().orElse(null), dryRun, ContactView.of(merged.survivor()),
                    merged.absorbed())).build();
        });
    }
}
