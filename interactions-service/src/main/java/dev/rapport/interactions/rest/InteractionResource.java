package dev.rapport.interactions.rest;

import dev.rapport.kit.openapi.ApiHeaders;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.interactions.config.InteractionsConfig;
import dev.rapport.interactions.domain.InteractionDetails;
import dev.rapport.interactions.domain.LoggedInteraction;
import dev.rapport.interactions.service.InteractionService;
import dev.rapport.kit.http.IfMatch;
import dev.rapport.kit.http.MergePatch;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.idempotency.IdempotentPost;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/v1/interactions")
@Tag(name = "Interactions", description = "The interaction log: meetings, calls, messages, notes, feedback and follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = InteractionResource.PROBLEM))
public class InteractionResource {

    static final String PROBLEM = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    InteractionService interactions;

    @Inject
    InteractionInputReader reader;

    @Inject
    InteractionPages pages;

    @Inject
    StrictJson strictJson;

    @Inject
    IdempotentPost idempotent;

    @Inject
    ObjectMapper json;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    InteractionsConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "logInteraction", summary = "Log an interaction",
            description = "With an Idempotency-Key, a retry with the same body returns the first response and logs nothing; the same key with another body is a 422. Emits interaction.logged.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InteractionInput.class)))
    @APIResponse(responseCode = "201", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "Logged; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = InteractionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "You logged this externalId from this source already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Body over 1 MiB", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields, all listed in `violations` (participants that are not contacts you can see included); or Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    public Response log(String body,
                        @Parameter(in = ParameterIn.HEADER, description = "Any unique string; retries reuse it")
                        @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                        @Context UriInfo uri) {
        return idempotent.run("POST /v1/interactions", idempotencyKey, body, () -> {
            InteractionInput input = strictJson.read(strictJson.tree(body), InteractionInput.class);
            InteractionDetails details = reader.read(input);
            LoggedInteraction logged = interactions.log(details, reader.source(input), input.externalId());
            return Response.created(uri.getAbsolutePathBuilder().path(logged.interaction().id().toString()).build())
                    .tag(etag(logged))
                    .entity(view(logged))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listInteractions", summary = "List and search the interaction log, newest first",
            description = "Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null. Shows what you may see: your private interactions, and none with another user's private contact.")
    @APIResponse(responseCode = "200", description = "A page of interactions",
            content = @Content(schema = @Schema(implementation = InteractionPageView.class)))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public Response list(@BeanParam InteractionListParameters parameters, @Context UriInfo uri) {
        return pages.page(parameters.toQuery(user(), config.defaultPageSize(), config.maxPageSize()), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getInteraction", summary = "Get an interaction")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The interaction; its version is the strong ETag",
            content = @Content(schema = @Schema(implementation = InteractionView.class)))
    @APIResponse(responseCode = "304", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "If-None-Match matched: unchanged")
    @APIResponse(responseCode = "404", description = "No such interaction you can see in your workspace", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        LoggedInteraction logged = interactions.find(id).orElseThrow(() -> Problems.notFound("No interaction " + id));
        if (ifNoneMatch != null && ifNoneMatch.strip().equals(etag(logged).toString())) {
            return Response.notModified(etag(logged)).build();
        }
        return Response.ok(view(logged)).tag(etag(logged)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "updateInteraction", summary = "Change an interaction (JSON Merge Patch)",
            description = "Send only what changes; null removes a field; a list replaces the whole list. source and externalId cannot change. Emits interaction.updated.v1.")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = InteractionInput.class)))
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The changed interaction with its new ETag",
            content = @Content(schema = @Schema(implementation = InteractionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such interaction you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response update(@PathParam("id") UUID id, String body,
                           @Parameter(description = "The ETag you read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode patch = strictJson.tree(body);
        Optional<Long> version = IfMatch.version(ifMatch, config.requireIfMatch(), "interaction");
        List<FieldError> fixed = new java.util.ArrayList<>();
        for (String field : List.of("source", "externalId")) {
            if (patch.has(field)) {
                fixed.add(FieldError.body(field, "is set when the interaction is logged and cannot change"));
            }
        }
        if (!fixed.isEmpty()) {
            throw Problems.invalid(fixed);
        }
        LoggedInteraction updated = interactions.update(id, version, current -> reader.read(strictJson.read(
                MergePatch.apply(json.valueToTree(InteractionInput.of(current)), patch),
                InteractionInput.class)));
        return Response.ok(view(updated)).tag(etag(updated)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteInteraction", summary = "Delete an interaction", description = "Emits interaction.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such interaction you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        interactions.delete(id, IfMatch.version(ifMatch, config.requireIfMatch(), "interaction"));
        return Response.noContent().build();
    }

    private InteractionView view(LoggedInteraction logged) {
        return InteractionView.of(logged, logged.names());
    }

    private String user() {
        return workspaces.currentUser().orElseThrow();
    }

    private static EntityTag etag(LoggedInteraction logged) {
        return new EntityTag(Long.toString(logged.interaction().version()));
    }
}
