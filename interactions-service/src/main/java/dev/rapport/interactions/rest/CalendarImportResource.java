package dev.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.rapport.interactions.config.CalendarConfig;
import dev.rapport.interactions.domain.CalendarImport;
import dev.rapport.interactions.domain.InvalidValue;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.interactions.mapping.calendar.InvalidCalendarFile;
import dev.rapport.interactions.service.CalendarImportService;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bring meetings in from an .ics export (Google Calendar, Outlook, Apple Calendar). */
@Path("/v1/calendar-imports")
@Tag(name = "Calendar imports", description = "Meetings from .ics exports and ICS subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = InteractionResource.PROBLEM))
public class CalendarImportResource {

    static final String TEXT_CALENDAR = "text/calendar";
    static final String IMPORT_DESCRIPTION = "Each event whose organizer or attendees are contacts you can see (by email, "
            + "case-insensitive) becomes a meeting with them: recurring series are expanded over the window "
            + "(rapport.calendar.window, a year by default) up to now, honouring EXDATE, moved (RECURRENCE-ID) and "
            + "cancelled occurrences; all-day events last 1,440 minutes a day; Windows time-zone names are understood. "
            + "initiatedBy is `them` when the organizer is one of the contacts, else `me`. Idempotent by UID and "
            + "occurrence: importing again changes nothing, a changed event updates its meeting (time, zone, duration, "
            + "location, participants, summary, notes; what you added in Rapport stays), a cancelled occurrence deletes "
            + "it. Occurrences missing from a later file are left alone. Events without a known attendee are counted as "
            + "skipped (reason no-known-attendee).";

    @Inject
    CalendarImportService imports;

    @Inject
    CalendarConfig config;

    @POST
    @Consumes(TEXT_CALENDAR)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "importCalendar", summary = "Import meetings from an .ics file sent as the body",
            description = IMPORT_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CALENDAR))
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job, which this response already shows",
            content = @Content(schema = @Schema(implementation = CalendarImportView.class)))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "413", description = "File over rapport.calendar.import.max-bytes (10 MiB by default)",
            content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "415", description = "Neither text/calendar nor multipart/form-data",
            content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "Empty, not an iCalendar file (the problem names the line), or an invalid visibility",
            content = @Content(mediaType = InteractionResource.PROBLEM))
    public Response importFile(byte[] file,
                               @Parameter(description = "Of the meetings created: private (default: a calendar is personal) or workspace",
                                       schema = @Schema(type = SchemaType.STRING, enumeration = {"private", "workspace"}))
                               @QueryParam("visibility") String visibility,
                               @Context UriInfo uri) {
        return accept(file, visibility, uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "importCalendarFromForm", summary = "Import meetings from an .ics file uploaded as a form (field `file`)",
            description = "As the raw upload; `visibility` may be a form field or a query parameter.")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job, which this response already shows",
            content = @Content(schema = @Schema(implementation = CalendarImportView.class)))
    @APIResponse(responseCode = "400", description = "Not a readable multipart/form-data body", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "413", description = "File over rapport.calendar.import.max-bytes", content = @Content(mediaType = InteractionResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "No file, several, empty, or not an iCalendar file", content = @Content(mediaType = InteractionResource.PROBLEM))
    public Response importForm(@RestForm("file") List<FileUpload> uploads,
                               @RestForm("visibility") String formVisibility,
                               @Parameter(description = "private (default) or workspace", schema = @Schema(type = SchemaType.STRING, enumeration = {"private", "workspace"})) @QueryParam("visibility") String visibility,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @Context UriInfo uri) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw Problems.malformed("A multipart/form-data body needs the boundary parameter in its Content-Type");
        }
        if (uploads == null || uploads.isEmpty()) {
            throw Problems.invalid(FieldError.body("file", "is missing: send the .ics file in the form field 'file'"));
        }
        if (uploads.size() > 1) {
            throw Problems.invalid(FieldError.body("file", "holds " + uploads.size() + " files: an import takes one"));
        }
        FileUpload upload = uploads.get(0);
        if (upload.size() > config.upload().maxBytes()) {
            throw Problems.tooLarge(config.upload().maxBytes());
        }
        return accept(Files.readAllBytes(upload.uploadedFile()), formVisibility != null ? formVisibility : visibility, uri);
    }

    private Response accept(byte[] file, String visibility, UriInfo uri) {
        if (file != null && file.length > config.upload().maxBytes()) {
            throw Problems.tooLarge(config.upload().maxBytes());
        }
        Visibility chosen = visibility(visibility);
        if (file == null || file.length == 0) {
            throw Problems.invalid(FieldError.body("file", "is empty"));
        }
        CalendarImport job;
        try {
            job = imports.importFile(file, chosen);
        } catch (InvalidCalendarFile e) {
            throw Problems.invalid(FieldError.body("file", e.getMessage()));
        }
        return Response.accepted(CalendarImportView.of(job))
                .location(uri.getBaseUriBuilder().path("v1/calendar-imports").path(job.id().toString()).build())
                .build();
    }

    static Visibility visibility(String text) {
        if (text == null || text.isBlank()) {
            return Visibility.PRIVATE;
        }
        try {
            return Visibility.fromWire(text.strip());
        } catch (InvalidValue e) {
            throw Problems.invalid(FieldError.query("visibility", e.getMessage()));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getCalendarImport", summary = "A calendar import's progress and outcome")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = CalendarImportView.class)))
    @APIResponse(responseCode = "404", description = "No such import of yours", content = @Content(mediaType = InteractionResource.PROBLEM))
    public CalendarImportView get(@PathParam("id") UUID id) {
        return CalendarImportView.of(imports.find(id));
    }
}
