package dev.rapport.contacts.rest;

import dev.rapport.contacts.service.TagService;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Tags are created by using them on a contact; here they are listed, renamed and deleted workspace-wide. */
@Path("/v1/tags")
@Tag(name = "Tags", description = "The workspace's tags, with how many contacts carry each")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class TagResource {

    @Inject
    TagService tags;

    @Inject
    StrictJson strictJson;

    @Inject
    Validator validator;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listTags", summary = "The workspace's tags, with how many contacts carry each")
    @APIResponse(responseCode = "200", description = "Tags by name",
            content = @Content(schema = @Schema(implementation = TagView.class, type = SchemaType.ARRAY)))
    public List<TagView> list() {
        return tags.list().stream().map(u -> new TagView(u.tag().id(), u.tag().name(), u.contacts())).toList();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "renameTag", summary = "Rename a tag on every contact that carries it")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TagInput.class)))
    @APIResponse(responseCode = "200", description = "Renamed", content = @Content(schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "404", description = "No such tag", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Another tag has that name", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Invalid name", content = @Content(mediaType = "application/problem+json"))
    public TagView rename(@PathParam("id") UUID id, String body) {
        TagInput input = strictJson.read(strictJson.tree(body), TagInput.class);
        Set<ConstraintViolation<TagInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations.stream()
                    .map(v -> FieldError.body(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        TagService.TagUsage renamed = tags.rename(id, input.name());
        return new TagView(renamed.tag().id(), renamed.tag().name(), renamed.contacts());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteTag", summary = "Delete a tag and remove it from every contact")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such tag", content = @Content(mediaType = "application/problem+json"))
    public Response delete(@PathParam("id") UUID id) {
        tags.delete(id);
        return Response.noContent().build();
    }
}
