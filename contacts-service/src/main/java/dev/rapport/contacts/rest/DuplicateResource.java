package dev.rapport.contacts.rest;

import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.contacts.service.DuplicateService;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/v1/contacts/duplicates")
@Tag(name = "Contacts", description = "Contacts, their contact points, tags and dated history; duplicates, merges and exports")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class DuplicateResource {

    private static final int MAX = 500;

    @Inject
    DuplicateService duplicates;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listDuplicateCandidates", summary = "Pairs of contacts that may be the same person, most likely first",
            description = "Evidence: the same normalised email, phone or LinkedIn profile, or similar names at the same company.")
    @APIResponse(responseCode = "200", description = "Candidate pairs with a score and reasons",
            content = @Content(schema = @Schema(implementation = DuplicateView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Invalid limit", content = @Content(mediaType = "application/problem+json"))
    public List<DuplicateView> list(@Parameter(description = "At most this many pairs (default 100, at most 500)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                                    @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = WholeNumberParameter.parse("limit", limit, 100, 1, MAX, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return duplicates.candidates(size).stream().map(c -> new DuplicateView(
                new DuplicateView.Side(c.a().id(), c.a().displayName()),
                new DuplicateView.Side(c.b().id(), c.b().displayName()),
                c.score(), c.reasons())).toList();
    }
}
