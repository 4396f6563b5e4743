package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.LastTouch;
import dev.rapport.interactions.config.InteractionsConfig;
import dev.rapport.interactions.service.InteractionStats;
import dev.rapport.kit.http.Pages;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import java.util.Set;

@Path("/v1/interactions/stats")
@Tag(name = "Interactions", description = "The interaction log: meetings, calls, messages, notes, feedback and follow-ups")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionStatsResource {

    private static final Set<String> RELATIONSHIPS = Set.of("professional", "personal", "both");

    @Inject
    InteractionStats stats;

    @Inject
    InteractionsConfig config;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listLastTouches", summary = "Who have I lost touch with: contacts by their last interaction, oldest first",
            description = "Contacts never in touch come first, then the longest out of touch. Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of contacts",
            content = @Content(schema = @Schema(implementation = LastTouchPageView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = InteractionResource.PROBLEM))
    public Response lastTouches(
            @Parameter(description = "Only contacts with this tag") @QueryParam("tag") String tag,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"professional", "personal", "both"})) @QueryParam("relationship") String relationship,
            @Parameter(description = "Page size (default 50, at most 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        if (relationship != null && !RELATIONSHIPS.contains(relationship)) {
            errors.add(FieldError.query("relationship", "must be one of professional, personal, both"));
        }
        int size = WholeNumberParameter.parse("limit", limit, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        PageCursor after = InteractionListParameters.cursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Instant now = Instant.now();
        List<LastTouch> found = stats.lastTouches(tag == null || tag.isBlank() ? null : tag.strip(),
                relationship, now, after != null && after.at() == null, after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1);
        boolean more = found.size() > size;
        List<LastTouch> page = more ? found.subList(0, size) : found;
        String next = null;
        if (more) {
            LastTouch last = page.get(page.size() - 1);
            next = new PageCursor(last.lastAt(), last.contactId()).encode();
        }
        return Pages.ok(new LastTouchPageView(
                page.stream().map(t -> LastTouchPageView.LastTouchView.of(t, now)).toList(), next), next, uri);
    }
}
