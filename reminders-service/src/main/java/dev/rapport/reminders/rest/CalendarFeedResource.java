package dev.rapport.reminders.rest;

import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.reminders.config.RemindersConfig;
import dev.rapport.reminders.service.CalendarFeeds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import static dev.rapport.reminders.rest.ReminderResource.PROBLEM;

@Path("/v1/calendar-feeds")
@Tag(name = "Calendar feeds", description = "Secret URLs that put your reminders and birthdays in any calendar app")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
public class CalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @Inject
    StrictJson strictJson;

    @Inject
    RemindersConfig config;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "createCalendarFeed", summary = "Make a calendar feed URL",
            description = "The URL (GET /ical/{token}.ics, no bearer token: calendar apps cannot send one) is in this response only. Subscribe to it in Google Calendar (Other calendars → From URL), Apple Calendar (File → New Calendar Subscription) or Outlook (Add calendar → Subscribe from web).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarFeedInput.class)))
    @APIResponse(responseCode = "201", description = "The feed and its URL", content = @Content(schema = @Schema(implementation = NewCalendarFeedView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "name too long or unknown fields", content = @Content(mediaType = PROBLEM))
    public Response create(String body, @Context UriInfo uri) {
        CalendarFeedInput input = body == null || body.isBlank() ? new CalendarFeedInput(null)
                : strictJson.read(strictJson.tree(body), CalendarFeedInput.class);
        if (input.name() != null && input.name().length() > 100) {
            throw Problems.invalid(FieldError.body("name", "is longer than 100 characters"));
        }
        CalendarFeeds.NewFeed created = feeds.create(input.name() == null || input.name().isBlank() ? null : input.name().strip());
        String base = config.feedBaseUrl().orElse(uri.getBaseUri().toString()).replaceAll("/+$", "");
        return Response.created(uri.getAbsolutePathBuilder().path(created.feed().id().toString()).build())
                .entity(new NewCalendarFeedView(created.feed().id(), base + "/ical/" + created.token() + ".ics",
                        created.feed().name().orElse(null), created.feed().createdAt()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "listCalendarFeeds", summary = "Your live calendar feeds (without their URLs)")
    @APIResponse(responseCode = "200", description = "Your feeds, oldest first")
    public List<CalendarFeedView> list() {
        return feeds.mine().stream().map(CalendarFeedView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed: its URL answers 404 from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such live feed of yours", content = @Content(mediaType = PROBLEM))
    public Response revoke(@PathParam("id") UUID id) {
        feeds.revoke(id);
        return Response.noContent().build();
    }
}
