package dev.rapport.interactions.rest;

import dev.rapport.kit.problem.Problems;
import java.util.ArrayList;
import dev.rapport.interactions.domain.InvalidValue;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.interactions.service.CalendarSourceService;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** ICS subscriptions: each user's own, polled on an interval into their interaction log. */
@Path("/v1/calendar-sources")
@Tag(name = "Calendar imports", description = "Meetings from .ics exports and ICS subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = InteractionResource.PROBLEM))
public class CalendarSourceResource {

    @Inject
    CalendarSourceService sources;

    @Inject
    StrictJson strictJson;

    @Inject
    jakarta.validation.Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "addCalendarSource", summary = "Subscribe to an ICS URL",
            description = "The URL is polled every rapport.calendar.poll-interval (an hour by default; the first poll "
                    + "comes within seconds) with a conditional GET, and read like an import: " + CalendarImportResource.IMPORT_DESCRIPTION
                    + " The URL is a secret: it is stored encrypted and only its scheme and host are ever shown. URLs "
                    + "pointing to loopback, link-local or private addresses are refused.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CalendarSourceInput.class)))
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = CalendarSourceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "Not an http(s)/webcal URL, a host that does not resolve, a private "
            + "or loopback address, or invalid fields", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "503", description = "Subscriptions are not configured here (no rapport.calendar.url-key)",
            content = @Content(mediaType = InteractionResource.PROBLEM))
    public Response add(String body, @Context UriInfo uri) {
        CalendarSourceInput input = strictJson.read(strictJson.tree(body), CalendarSourceInput.class);
        List<FieldError> errors = new ArrayList<>();
        validator.validate(input).forEach(v -> errors.add(FieldError.body(v.getPropertyPath().toString(), v.getMessage())));
        Visibility visibility = Visibility.PRIVATE;
        if (input.visibility() != null) {
            try {
                visibility = Visibility.fromWire(input.visibility().strip());
            } catch (InvalidValue e) {
                errors.add(FieldError.body("visibility", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw Problems.invalid(errors);
        }
        CalendarSourceView view = CalendarSourceView.of(sources.register(input.url(), input.name(), visibility));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listCalendarSources", summary = "Your ICS subscriptions, oldest first")
    @APIResponse(responseCode = "200", description = "Your subscriptions",
            content = @Content(schema = @Schema(implementation = CalendarSourceView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<CalendarSourceView> list() {
        return sources.mine().stream().map(CalendarSourceView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getCalendarSource", summary = "One of your ICS subscriptions, with how its last poll went")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = CalendarSourceView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = InteractionResource.PROBLEM))
    public CalendarSourceView get(@PathParam("id") UUID id) {
        return CalendarSourceView.of(sources.find(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteCalendarSource", summary = "Unsubscribe", description = "Polling stops; the meetings it brought in stay.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = InteractionResource.PROBLEM))
    public Response delete(@PathParam("id") UUID id) {
        sources.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/poll")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "pollCalendarSource", summary = "Poll a subscription now",
            description = "Fetches it (conditionally, unless your contacts changed since its last poll) and applies it; "
                    + "returns the subscription with the outcome: lastStatus ok, not-modified or the failure.")
    @APIResponse(responseCode = "200", description = "Polled", content = @Content(schema = @Schema(implementation = CalendarSourceView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of yours", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "A poll of it is running", content = @Content(mediaType = InteractionResource.PROBLEM))
    public CalendarSourceView poll(@PathParam("id") UUID id) {
        return CalendarSourceView.of(sources.pollNow(id));
    }
}
