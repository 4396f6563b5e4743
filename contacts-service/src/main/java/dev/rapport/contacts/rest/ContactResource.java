package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.rapport.kit.openapi.ApiHeaders;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.rapport.kit.http.Pages;
import dev.rapport.kit.http.IfMatch;
import dev.rapport.kit.http.MergePatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.config.ContactsConfig;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.mapping.ContactDraftParser;
import dev.rapport.contacts.service.ContactSearch;
import dev.rapport.contacts.service.ContactService;
import dev.rapport.contacts.service.WorkspaceSettingsService;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.idempotency.IdempotentPost;
import dev.rapport.kit.http.IsoDates;
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
import jakarta.ws.rs.QueryParam;
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

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/v1/contacts")
@Tag(name = "Contacts", description = "Contacts, their contact points, tags and dated history; duplicates, merges and exports")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class ContactResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int PERMANENT_REDIRECT = 308;
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ContactService contacts;

    @Inject
    ContactDraftParser parser;

    @Inject
    WorkspaceSettingsService settings;

    @Inject
    StrictJson strictJson;

    @Inject
    IdempotentPost idempotent;

    @Inject
    ObjectMapper json;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ContactsConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "createContact", summary = "Create a contact",
            description = "With an Idempotency-Key, a retry with the same body returns the first response and creates nothing; the same key with another body is a 422.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactInput.class)))
    @APIResponse(responseCode = "201", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "Created; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "Body over 1 MiB")
    @APIResponse(responseCode = "422", description = "Invalid fields, all listed in `violations`; or Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    public Response create(String body,
                           @Parameter(in = ParameterIn.HEADER, description = "Any unique string; retries reuse it")
                           @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotent.run("POST /v1/contacts", idempotencyKey, body, () -> {
            ContactInput input = strictJson.read(strictJson.tree(body), ContactInput.class);
            Contact contact = contacts.create(parser.parse(input.toDraft(), settings.phoneRegion()));
            return Response.created(uri.getAbsolutePathBuilder().path(contact.id().toString()).build())
                    .tag(etag(contact))
                    .entity(ContactView.of(contact))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listContacts", summary = "List and search contacts",
            description = "Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of contacts",
            content = @Content(schema = @Schema(implementation = ContactPageView.class)))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public Response list(@BeanParam ContactListParameters parameters, @Context UriInfo uri) {
        ContactSearch search = parameters.toSearch(workspaces.currentUser().orElseThrow(), config.defaultPageSize(), config.maxPageSize());
        List<Contact> found = contacts.list(search.withLimit(search.limit() + 1));
        boolean more = found.size() > search.limit();
        List<Contact> page = more ? found.subList(0, search.limit()) : found;
        String next = more ? cursorAfter(page.get(page.size() - 1), search.sort()).encode() : null;
        return Pages.ok(new ContactPageView(page.stream().map(ContactView::of).toList(), next), next, uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getContact", summary = "Get a contact")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The contact; its version is the strong ETag",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "304", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "If-None-Match matched: unchanged")
    @APIResponse(responseCode = "308", description = "Merged into another contact, named by Location and `mergedInto`",
            content = @Content(schema = @Schema(implementation = MergedContactView.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your workspace", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context UriInfo uri) {
        Optional<Contact> found = contacts.find(id);
        if (found.isEmpty()) {
            return contacts.mergedInto(id)
                    .map(tombstone -> Response.status(PERMANENT_REDIRECT)
                            .location(uri.getBaseUriBuilder().path("v1/contacts").path(tombstone.survivorId().toString()).build())
                            .entity(new MergedContactView(id, tombstone.survivorId(), tombstone.mergeId()))
                            .build())
                    .orElseThrow(() -> Problems.notFound("No contact " + id));
        }
        Contact contact = found.get();
        if (ifNoneMatch != null && ifNoneMatch.strip().equals(etag(contact).toString())) {
            return Response.notModified(etag(contact)).build();
        }
        return Response.ok(ContactView.of(contact)).tag(etag(contact)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "updateContact", summary = "Change a contact (JSON Merge Patch)",
            description = "Send only what changes; null removes a field; a list replaces the whole list. Job, place and relationship changes are recorded in the contact's history as of effectiveOn.")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ContactInput.class)))
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The changed contact with its new ETag",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such contact in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response update(@PathParam("id") UUID id, String body,
                           @Parameter(description = "The ETag you read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Parameter(description = "When the change took effect (ISO date; default today)", schema = @Schema(type = SchemaType.STRING, format = "date"))
                           @QueryParam("effectiveOn") String effectiveOn) {
        JsonNode patch = strictJson.tree(body);
        Optional<Long> version = version(ifMatch);
        LocalDate effective = effectiveOn(effectiveOn);
        Optional<String> region = settings.phoneRegion();
        Contact contact = contacts.update(id, version, current -> merge(current, patch, region), effective);
        return Response.ok(ContactView.of(contact)).tag(etag(contact)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteContact", summary = "Erase a contact",
            description = "Erases the contact and its history here; the other services erase theirs when they receive contact.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such contact in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        contacts.delete(id, version(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getContactHistory", summary = "Dated history of job, place and relationship changes")
    @APIResponse(responseCode = "200", description = "Oldest first",
            content = @Content(schema = @Schema(implementation = HistoryEntryView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such contact in your workspace", content = @Content(mediaType = PROBLEM))
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return contacts.history(id).stream().map(HistoryEntryView::of).toList();
    }

    /**
     * RFC 7386 on one Jackson tree: the contact's current details as the input that would write them, with the
     * patch applied, read and validated like a POST body.
     */
    private ContactDetails merge(ContactDetails current, JsonNode patch, Optional<String> region) {
        JsonNode merged = MergePatch.apply(json.valueToTree(ContactInput.of(current)), patch);
        ContactInput input = strictJson.read(merged, ContactInput.class);
        // Phones the patch leaves alone stay as they are: read again, each would lose how it was written.
        return parser.parse(input.toDraft(), region, patch.has("phones") ? null : current.phones());
    }

    private Optional<Long> version(String ifMatch) {
        return IfMatch.version(ifMatch, config.requireIfMatch(), "contact");
    }

    private static LocalDate effectiveOn(String text) {
        if (text == null) {
            return null;
        }
        try {
            return IsoDates.date(text);
        } catch (DateTimeException e) {
            throw Problems.invalid(FieldError.query("effectiveOn", "must be an ISO date (YYYY-MM-DD) " + IsoDates.RANGE));
        }
    }

    private static ListCursor cursorAfter(Contact last, ContactSearch.Sort sort) {
        String value = switch (sort) {
            case NAME, NAME_DESC -> last.sortName();
            case UPDATED, UPDATED_DESC -> last.updatedAt().toString();
            case CREATED, CREATED_DESC -> last.createdAt().toString();
        };
        return new ListCursor(sort, value, last.id());
    }

    private static EntityTag etag(Contact contact) {
        return new EntityTag(Long.toString(contact.version()));
    }
}
