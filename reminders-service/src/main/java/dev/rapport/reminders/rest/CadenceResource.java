package dev.rapport.reminders.rest;

import dev.rapport.kit.openapi.ApiHeaders;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.rapport.kit.http.IfMatch;
import dev.rapport.kit.http.Pages;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.idempotency.IdempotentPost;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.reminders.config.RemindersConfig;
import dev.rapport.reminders.domain.Cadence;
import dev.rapport.reminders.domain.Every;
import dev.rapport.reminders.service.CadenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.rapport.reminders.rest.ReminderResource.MERGE_PATCH;
import static dev.rapport.reminders.rest.ReminderResource.PROBLEM;

@Path("/v1/cadences")
@Tag(name = "Cadences", description = "How often to keep in touch, per contact or per tag")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
public class CadenceResource {

    @Inject
    CadenceService cadences;

    @Inject
    StrictJson strictJson;

    @Inject
    IdempotentPost idempotent;

    @Inject
    Validator validator;

    @Inject
    RemindersConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "createCadence", summary = "Keep in touch with a contact, or everyone with a tag, this often",
            description = "Creates or moves the keep-in-touch reminders it governs (reminder.created|updated.v1): due the last interaction + every, or, with none yet, today + every.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CadenceInput.class)))
    @APIResponse(responseCode = "201", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "Created; Location and ETag headers set", content = @Content(schema = @Schema(implementation = CadenceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The contact or tag has a cadence already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields, all listed in `violations`", content = @Content(mediaType = PROBLEM))
    public Response create(String body,
                           @Parameter(in = ParameterIn.HEADER, description = "Any unique string; retries reuse it")
                           @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotent.run("POST /v1/cadences", idempotencyKey, body, () -> {
            CadenceInput input = strictJson.read(strictJson.tree(body), CadenceInput.class);
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<CadenceInput> violation : validator.validate(input)) {
                errors.add(FieldError.body(violation.getPropertyPath().toString(), violation.getMessage()));
            }
            if ((input.contactId() == null) == (input.tag() == null || input.tag().isBlank())) {
                errors.add(FieldError.body("contactId", "give a contactId or a tag, one of the two"));
            }
            Every every = every(input.every(), errors);
            if (!errors.isEmpty()) {
                throw Problems.invalid(errors);
            }
            Cadence created = input.contactId() != null ? cadences.forContact(input.contactId(), every)
                    : cadences.forTag(input.tag(), every);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .tag(etag(created)).entity(CadenceView.of(created)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listCadences", summary = "The workspace's cadences, oldest first",
            description = "Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null. Cadences of contacts you may not see are left out.")
    @APIResponse(responseCode = "200", description = "A page of cadences", content = @Content(schema = @Schema(implementation = CadencePageView.class)))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public Response list(@Parameter(description = "Only this contact's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("contact") String contact,
                         @Parameter(description = "Only this tag's (any case)") @QueryParam("tag") String tag,
                         @Parameter(description = "Page size (default 50, at most 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = WholeNumberParameter.parse("limit", limit, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        UUID after = Cursors.read(cursor, errors);
        UUID contactId = Cursors.uuid("contact", contact, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Cursors.Page<Cadence> page = Cursors.Page.of(cadences.page(after, contactId, tag, size + 1), size, Cadence::id);
        return Pages.ok(new CadencePageView(page.items().stream().map(CadenceView::of).toList(), page.nextCursor()),
                page.nextCursor(), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getCadence", summary = "Get a cadence")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The cadence; its version is the strong ETag", content = @Content(schema = @Schema(implementation = CadenceView.class)))
    @APIResponse(responseCode = "404", description = "No such cadence you can see in your workspace", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        Cadence cadence = cadences.find(id).orElseThrow(() -> Problems.notFound("No cadence " + id));
        return Response.ok(CadenceView.of(cadence)).tag(etag(cadence)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "updateCadence", summary = "Change how often", description = "Moves the keep-in-touch reminders it governs (reminder.updated.v1).")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CadencePatch.class)))
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The changed cadence with its new ETag", content = @Content(schema = @Schema(implementation = CadenceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such cadence you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response update(@PathParam("id") UUID id, String body,
                           @Parameter(description = "The ETag you read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CadencePatch patch = strictJson.read(strictJson.tree(body), CadencePatch.class);
        java.util.Optional<Long> version = IfMatch.version(ifMatch, config.requireIfMatch(), "cadence");
        List<FieldError> errors = new ArrayList<>();
        Every every = every(patch.every(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Cadence changed = cadences.change(id, version, every);
        return Response.ok(CadenceView.of(changed)).tag(etag(changed)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteCadence", summary = "Stop keeping in touch this way",
            description = "Keep-in-touch reminders no cadence governs any more go (reminder.deleted.v1, reason cadence-removed); others follow the cadence that now applies.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such cadence you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        cadences.delete(id, IfMatch.version(ifMatch, config.requireIfMatch(), "cadence"));
        return Response.noContent().build();
    }

    private static Every every(String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(FieldError.body("every", "must not be null"));
            return null;
        }
        return Every.parse(text).orElseGet(() -> {
            errors.add(FieldError.body("every", "is not " + Every.RULE));
            return null;
        });
    }

    private static EntityTag etag(Cadence cadence) {
        return new EntityTag(Long.toString(cadence.version()));
    }
}
