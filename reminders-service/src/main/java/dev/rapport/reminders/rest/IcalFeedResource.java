package dev.rapport.reminders.rest;

import dev.rapport.kit.openapi.ApiHeaders;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.rapport.kit.problem.Problems;
import dev.rapport.reminders.service.CalendarFeeds;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import static dev.rapport.reminders.rest.ReminderResource.PROBLEM;

/** What calendar apps fetch: the URL is the credential, so no bearer token is asked for (nor could be sent). */
@Path("/ical")
@Tag(name = "Calendar feeds", description = "Secret URLs that put your reminders and birthdays in any calendar app")
public class IcalFeedResource {

    static final String CALENDAR = "text/calendar; charset=utf-8";

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("/{token}.ics")
    @PermitAll
    @Produces(CALENDAR)
    @Operation(operationId = "getCalendarFeed", summary = "A calendar feed (RFC 5545), for calendar apps",
            description = "Your open reminders and the keep-in-touch days of contacts you may see, and their birthdays as yearly all-day events. If-None-Match and If-Modified-Since answer 304 when nothing changed.")
    @APIResponse(responseCode = "200", headers = {@Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), @Header(name = ApiHeaders.LAST_MODIFIED, ref = ApiHeaders.LAST_MODIFIED)}, description = "The calendar; ETag and Last-Modified set",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "304", headers = {@Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG), @Header(name = ApiHeaders.LAST_MODIFIED, ref = ApiHeaders.LAST_MODIFIED)}, description = "If-None-Match matched: unchanged")
    @APIResponse(responseCode = "404", description = "No such feed (unknown or revoked: the same answer)", content = @Content(mediaType = PROBLEM))
    public Response get(@PathParam("token") String token, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context Request request) {
        CalendarFeeds.Rendered feed = feeds.render(token).orElseThrow(() -> Problems.notFound("No such calendar feed"));
        EntityTag etag = new EntityTag(feed.etag());
        Date lastModified = Date.from(feed.lastModified());
        // If-None-Match decides when sent, by weak comparison (RFC 9110 for GET: W/"x" matches "x"); else If-Modified-Since.
        boolean unchanged = ifNoneMatch != null ? matches(ifNoneMatch, etag)
                : request.evaluatePreconditions(lastModified) != null;
        if (unchanged) {
            return Response.notModified(etag).lastModified(lastModified).build();
        }
        return Response.ok(feed.body(), CALENDAR).tag(etag).lastModified(lastModified)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").build();
    }

    private static boolean matches(String ifNoneMatch, EntityTag etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String value = tag.strip();
            if (value.equals("*") || (value.startsWith("W/") ? value.substring(2) : value).equals(etag.toString())) {
                return true;
            }
        }
        return false;
    }
}
