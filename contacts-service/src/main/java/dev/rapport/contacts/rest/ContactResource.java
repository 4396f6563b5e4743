package dev.rapport.contacts.rest;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.mapping.ContactMapper;
import dev.rapport.contacts.service.ContactService;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/v1/contacts")
@Tag(name = "Contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    ContactService contacts;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "createContact", summary = "Create a contact")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = "application/problem+json"))
    public Response create(@Valid @NotNull CreateContactRequest request, @Context UriInfo uri) {
        Contact contact = contacts.create(request.displayName(), request.email());
        return Response.created(uri.getAbsolutePathBuilder().path(contact.id().toString()).build())
                .tag(etag(contact))
                .entity(ContactMapper.toResponse(contact))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getContact", summary = "Get a contact")
    @APIResponse(responseCode = "200", description = "The contact; its version is the strong ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "404", description = "No such contact in your workspace",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    public Response get(@PathParam("id") UUID id) {
        Contact contact = contacts.find(id).orElseThrow(() -> HttpProblem.valueOf(Response.Status.NOT_FOUND,
                "No contact " + id));
        return Response.ok(ContactMapper.toResponse(contact)).tag(etag(contact)).build();
    }

    private static EntityTag etag(Contact contact) {
        return new EntityTag(Long.toString(contact.version()));
    }
}
