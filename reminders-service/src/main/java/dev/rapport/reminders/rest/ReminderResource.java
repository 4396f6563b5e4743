package dev.rapport.reminders.rest;

import dev.rapport.kit.openapi.ApiHeaders;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.http.IfMatch;
import dev.rapport.kit.http.MergePatch;
import dev.rapport.kit.http.Pages;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.idempotency.IdempotentPost;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.reminders.config.RemindersConfig;
import dev.rapport.reminders.domain.Reminder;
import dev.rapport.reminders.domain.ReminderKind;
import dev.rapport.reminders.domain.ReminderStatus;
import dev.rapport.reminders.service.ReminderService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Path("/v1/reminders")
@Tag(name = "Reminders", description = "Keep-in-touch, one-off and follow-up reminders and what you do with them")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = ReminderResource.PROBLEM))
public class ReminderResource {

    static final String PROBLEM = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ReminderService reminders;

    @Inject
    ReminderInputReader reader;

    @Inject
    StrictJson strictJson;

    @Inject
    IdempotentPost idempotent;

    @Inject
    ObjectMapper json;

    @Inject
    RemindersConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "createReminder", summary = "Remind me (a one-off reminder, optionally repeating)",
            description = "With an Idempotency-Key, a retry with the same body returns the first response and creates nothing; the same key with another body is a 422. Emits reminder.created.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReminderInput.class)))
    @APIResponse(responseCode = "201", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "Created; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields, all listed in `violations`; or Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    public Response create(String body,
                           @Parameter(in = ParameterIn.HEADER, description = "Any unique string; retries reuse it")
                           @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotent.run("POST /v1/reminders", idempotencyKey, body, () -> {
            Reminder created = reminders.create(reader.read(strictJson.read(strictJson.tree(body), ReminderInput.class)));
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .tag(etag(created)).entity(view(created)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listReminders", summary = "Your reminders and the workspace's keep-in-touch, oldest first",
            description = "Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null. Reminders about contacts you may not see are left out.")
    @APIResponse(responseCode = "200", description = "A page of reminders",
            content = @Content(schema = @Schema(implementation = ReminderPageView.class)))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public Response list(@Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"open", "completed", "dismissed"})) @QueryParam("status") String status,
                         @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"keep-in-touch", "one-off", "follow-up"})) @QueryParam("kind") String kind,
                         @Parameter(description = "Only those about this contact", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("contact") String contact,
                         @Parameter(description = "Page size (default 50, at most 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = WholeNumberParameter.parse("limit", limit, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        UUID after = Cursors.read(cursor, errors);
        UUID contactId = Cursors.uuid("contact", contact, errors);
        if (status != null && ReminderStatus.of(status).isEmpty()) {
            errors.add(FieldError.query("status", "is not one of open, completed, dismissed"));
        }
        if (kind != null && ReminderKind.of(kind).isEmpty()) {
            errors.add(FieldError.query("kind", "is not one of keep-in-touch, one-off, follow-up"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Map<UUID, String> names = new HashMap<>();
        Cursors.Page<Reminder> page = Cursors.Page.of(reminders.page(after, status, kind, contactId, size + 1, names),
                size, Reminder::id);
        return Pages.ok(new ReminderPageView(page.items().stream().map(r -> ReminderView.of(r, names)).toList(),
                page.nextCursor()), page.nextCursor(), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getReminder", summary = "Get a reminder")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The reminder; its version is the strong ETag",
            content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "404", description = "No such reminder you can see in your workspace", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("id") UUID id) {
        Reminder reminder = reminders.find(id).orElseThrow(() -> Problems.notFound("No reminder " + id));
        return Response.ok(view(reminder)).tag(etag(reminder)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "updateReminder", summary = "Change a one-off reminder or follow-up (JSON Merge Patch)",
            description = "Send only what changes; null removes a field. A changed reminder is open again and no longer snoozed. Keep-in-touch reminders follow their cadence (409). Emits reminder.updated.v1.")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ReminderInput.class)))
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The changed reminder with its new ETag",
            content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such reminder you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "A keep-in-touch reminder", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response update(@PathParam("id") UUID id, String body,
                           @Parameter(description = "The ETag you read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode patch = strictJson.tree(body);
        Optional<Long> version = IfMatch.version(ifMatch, config.requireIfMatch(), "reminder");
        if (patch instanceof com.fasterxml.jackson.databind.node.ObjectNode fields && fields.has("time")
                && fields.get("time").isNull() && !fields.has("timeZone")) {
            // The zone was the time's: without a time the reminder begins with the owner's day.
            fields.putNull("timeZone");
        }
        Reminder updated = reminders.update(id, version, current -> reader.read(strictJson.read(
                MergePatch.apply(json.valueToTree(ReminderInput.of(current)), patch),
                ReminderInput.class)));
        return Response.ok(view(updated)).tag(etag(updated)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteReminder", summary = "Delete a one-off reminder or follow-up",
            description = "Keep-in-touch reminders last as long as their cadence (409). Emits reminder.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such reminder you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "A keep-in-touch reminder", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        reminders.delete(id, IfMatch.version(ifMatch, config.requireIfMatch(), "reminder"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "snoozeReminder", summary = "Not before a day",
            description = "An interaction that moves a keep-in-touch past the day ends the snooze by itself. If-Match is optional here. Emits reminder.updated.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SnoozeInput.class)))
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The snoozed reminder", content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "404", description = "No such reminder you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Completed or dismissed already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "until missing, not a date, before today, or not after the day it is due", content = @Content(mediaType = PROBLEM))
    public Response snooze(@PathParam("id") UUID id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SnoozeInput input = strictJson.read(strictJson.tree(body), SnoozeInput.class);
        List<FieldError> errors = new ArrayList<>();
        java.time.LocalDate until = input.until() == null ? null : ReminderInputReader.date("until", input.until(), errors);
        if (input.until() == null) {
            errors.add(FieldError.body("until", "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Reminder snoozed = reminders.snooze(id, IfMatch.version(ifMatch, false, "reminder"), until);
        return Response.ok(view(snoozed)).tag(etag(snoozed)).build();
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "completeReminder", summary = "Done",
            description = "A keep-in-touch counts from today; a repeating one-off rolls to its next day; any other is completed. Completing does not pretend an interaction happened: send logInteraction to have one logged with the reminder's contact (interactions-service logs it from reminder.completed.v1, and it moves the keep-in-touch like any interaction). The body is optional; If-Match too. Emits reminder.completed.v1.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompleteInput.class)))
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The reminder after it", content = @Content(schema = @Schema(implementation = CompletionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such reminder you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Completed or dismissed already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid logInteraction, or one asked for a reminder without a contact", content = @Content(mediaType = PROBLEM))
    public Response complete(@PathParam("id") UUID id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CompleteInput input = body == null || body.isBlank() ? new CompleteInput(null)
                : strictJson.read(strictJson.tree(body), CompleteInput.class);
        ReminderService.Completed completed = reminders.complete(id, IfMatch.version(ifMatch, false, "reminder"),
                input.logInteraction() == null ? null : reader.read(input.logInteraction()));
        return Response.ok(new CompletionView(view(completed.reminder()), completed.interactionId()))
                .tag(etag(completed.reminder())).build();
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "dismissReminder", summary = "Not doing it",
            description = "A keep-in-touch skips this round (counts from today); a repeating one-off rolls to its next day; any other is dismissed. If-Match is optional here. Emits reminder.dismissed.v1.")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), description = "The reminder after it", content = @Content(schema = @Schema(implementation = ReminderView.class)))
    @APIResponse(responseCode = "404", description = "No such reminder you can see in your workspace", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Completed or dismissed already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = PROBLEM))
    public Response dismiss(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Reminder dismissed = reminders.dismiss(id, IfMatch.version(ifMatch, false, "reminder"));
        return Response.ok(view(dismissed)).tag(etag(dismissed)).build();
    }

    private ReminderView view(Reminder reminder) {
        return ReminderView.of(reminder, reminders.names(reminder));
    }

    private static EntityTag etag(Reminder reminder) {
        return new EntityTag(Long.toString(reminder.version()));
    }
}
