package dev.rapport.reminders.rest;

import dev.rapport.kit.http.Pages;
import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.openapi.ApiHeaders;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.reminders.config.RemindersConfig;
import dev.rapport.reminders.domain.WebhookDelivery;
import dev.rapport.reminders.service.Webhooks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.rapport.reminders.rest.ReminderResource.PROBLEM;

@Path("/v1/webhooks")
@Tag(name = "Webhooks", description = "Your workspace's events (reminder.due above all) POSTed to a URL of yours: CloudEvents, signed the Standard Webhooks way, retried for a day, recorded")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String NOT_FOUND = "No such webhook of yours";
    private static final Set<String> STATUSES = Set.of(WebhookDelivery.PENDING, WebhookDelivery.SUCCEEDED, WebhookDelivery.FAILED);

    @Inject
    Webhooks webhooks;

    @Inject
    StrictJson strictJson;

    @Inject
    RemindersConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "createWebhook", summary = "Register a URL to receive events",
            description = "It receives the events of the types asked for that you may see (another user's private contacts, "
                    + "interactions and reminders never), each as a POST with a CloudEvent in its JSON format "
                    + "(Content-Type application/cloudevents+json) and the Standard Webhooks headers webhook-id (the event id: "
                    + "the same on every attempt), webhook-timestamp and webhook-signature. The secret to verify them is in "
                    + "this response only. Answer 2xx within rapport.webhooks.timeout (10 s); anything else is retried "
                    + "with exponential backoff for rapport.webhooks.retry-for (24 h).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookInput.class)))
    @APIResponse(responseCode = "201", description = "The webhook and its secret",
            headers = @Header(name = ApiHeaders.LOCATION, ref = ApiHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "You have as many webhooks as one user may (rapport.webhooks.max-per-user)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "No URL, a URL this service does not call (not http(s), a private address), no or unknown event types, unknown fields", content = @Content(mediaType = PROBLEM))
    public Response create(String body, @Context UriInfo uri) {
        WebhookInput input = strictJson.read(strictJson.tree(body), WebhookInput.class);
        Webhooks.Registered registered = webhooks.register(input.url(), input.description(), input.eventTypes());
        return Response.created(uri.getAbsolutePathBuilder().path(registered.webhook().id().toString()).build())
                .entity(WebhookSecretView.of(registered)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listWebhooks", summary = "Your webhooks (an admin: the workspace's), oldest first")
    @APIResponse(responseCode = "200", description = "The webhooks")
    public List<WebhookView> list() {
        return webhooks.visible().stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getWebhook", summary = "One webhook: whether it is active, and since when it fails")
    @APIResponse(responseCode = "200", description = "The webhook")
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM))
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.get(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its deliveries: nothing more is sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM))
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "enableWebhook", summary = "Enable a disabled webhook: its pending deliveries are sent again")
    @APIResponse(responseCode = "200", description = "The webhook, active")
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM))
    public WebhookView enable(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.enable(id));
    }

    @POST
    @Path("/{id}/rotate-secret")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret, shown this once",
            description = "Deliveries carry a signature with the new secret and, for rapport.webhooks.secret-overlap (24 h), "
                    + "one with the old secret too, so the receiver can switch without losing any.")
    @APIResponse(responseCode = "200", description = "The webhook and its new secret",
            content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM))
    public WebhookSecretView rotateSecret(@PathParam("id") UUID id) {
        return WebhookSecretView.of(webhooks.rotateSecret(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries, newest first: status, attempts, last error",
            description = "Cursor pagination: follow nextCursor (also in a Link rel=next header) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(schema = @Schema(implementation = DeliveryView.Page.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public Response deliveries(@PathParam("id") UUID id,
                               @Parameter(description = "Only those in this state", schema = @Schema(type = SchemaType.STRING, enumeration = {"pending", "succeeded", "failed"}))
                               @QueryParam("status") String status,
                               @Parameter(description = "Page size (default 50, at most 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                               @QueryParam("limit") String limit,
                               @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                               @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = WholeNumberParameter.parse("limit", limit, config.defaultPageSize(), 1, config.maxPageSize(), errors);
        UUID after = Cursors.read(cursor, errors);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(FieldError.query("status", "must be pending, succeeded or failed"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Cursors.Page<WebhookDelivery> page = Cursors.Page.of(webhooks.deliveries(id, status, after, size + 1), size, WebhookDelivery::id);
        return Pages.ok(new DeliveryView.Page(page.items().stream().map(DeliveryView::of).toList(), page.nextCursor()),
                page.nextCursor(), uri);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery: its status, attempts and last error")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of yours, or no such delivery of it", content = @Content(mediaType = PROBLEM))
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(webhooks.delivery(id, deliveryId));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again, whatever became of it",
            description = "A new series of attempts starts now (same body, same webhook-id, a fresh signature).")
    @APIResponse(responseCode = "202", description = "Queued; Location is the delivery, to follow",
            headers = @Header(name = ApiHeaders.LOCATION, ref = ApiHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such webhook of yours, or no such delivery of it", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The webhook is disabled: enable it first", content = @Content(mediaType = PROBLEM))
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId, @Context UriInfo uri) {
        DeliveryView replayed = DeliveryView.of(webhooks.replay(id, deliveryId));
        return Response.accepted(replayed)
                .location(uri.getBaseUriBuilder().path("/v1/webhooks/{id}/deliveries/{deliveryId}").build(id, deliveryId))
                .build();
    }
}
