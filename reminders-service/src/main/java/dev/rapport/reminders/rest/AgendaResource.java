package dev.rapport.reminders.rest;

import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.reminders.domain.AgendaItem;
import dev.rapport.reminders.service.AgendaService;
import dev.rapport.reminders.service.Settings;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.rapport.reminders.rest.ReminderResource.PROBLEM;

@Path("/v1")
@Tag(name = "Agenda", description = "Who and what needs you, day by day")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
public class AgendaResource {

    private static final int PERMANENT_REDIRECT = 308;

    @Inject
    AgendaService agenda;

    @Inject
    Settings settings;

    @Inject
    WorkspaceContext workspaces;

    @GET
    @Path("/agenda")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getAgenda", summary = "Your agenda: overdue, due on the day, and coming")
    @APIResponse(responseCode = "200", description = "The agenda", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public AgendaView get(@Parameter(description = "The first day (default: today in your time zone)", schema = @Schema(type = SchemaType.STRING, format = "date"))
                          @QueryParam("date") String date,
                          @Parameter(description = "How many days from it, the first included (default 7, at most 366)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "366"))
                          @QueryParam("days") String days,
                          @Parameter(description = "At most this many items per list (default 50, at most 500)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                          @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = null;
        if (date != null) {
            List<FieldError> dateErrors = new ArrayList<>();
            from = ReminderInputReader.date("date", date, dateErrors);
            dateErrors.forEach(e -> errors.add(FieldError.query("date", e.message())));
        }
        int span = WholeNumberParameter.parse("days", days, 7, 1, 366, errors);
        int size = WholeNumberParameter.parse("limit", limit, 50, 1, 500, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return AgendaView.of(agenda.agenda(from, span, size));
    }

    @GET
    @Path("/contacts/{contactId}/reminders")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getContactReminders", summary = "A contact's open reminders you may see and its next birthday, by day")
    @APIResponse(responseCode = "200", description = "The contact's reminders", content = @Content(schema = @Schema(implementation = ContactRemindersView.class)))
    @APIResponse(responseCode = "308", description = "Merged into the contact whose path Location names")
    @APIResponse(responseCode = "404", description = "No such contact (yet) in your workspace, erased, or private to another user", content = @Content(mediaType = PROBLEM))
    public Response ofContact(@PathParam("contactId") UUID contactId, @Context UriInfo uri) {
        var contact = agenda.visibleContact(contactId);
        if (contact.mergedInto().isPresent()) {
            return Response.status(PERMANENT_REDIRECT)
                    .location(uri.getBaseUriBuilder().path("v1/contacts/{id}/reminders").build(contact.mergedInto().get())).build();
        }
        LocalDate today = settings.today(workspaces.currentUser().orElseThrow());
        List<AgendaItem> items = agenda.ofContact(contact, today);
        return Response.ok(new ContactRemindersView(contactId, items.stream().map(i -> AgendaItemView.of(i, today)).toList())).build();
    }
}
