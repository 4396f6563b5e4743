package dev.rapport.kit.changes;

import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.openapi.ApiContract;
import dev.rapport.kit.openapi.ApiHeaders;
import dev.rapport.kit.openapi.SharedApiNames;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every service's changes feed for sync clients, at its own path, {@link #path(String) /v1/changes/&lt;area&gt;},
 * with a subclass that names it (as {@link dev.rapport.kit.backup.BackupResource}).
 */
@Tag(name = SharedApiNames.CHANGES_TAG, description = "This service's changes in your workspace, in order, for clients that keep a copy in sync")
public abstract class ChangesResource {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern CURSOR = Pattern.compile("\\d{1,18}");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** The path of a service's feed: {@code contacts-service} → {@code /v1/changes/contacts}. */
    public static String path(String serviceName) {
        return "/v1/changes/" + serviceName.replaceFirst("-service$", "");
    }

    @Inject
    ChangeFeed feed;

    @Inject
    WorkspaceContext workspaces;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    // Quarkus does not see @RolesAllowed on a method a resource inherits: the requirement is written out.
    @SecurityRequirement(name = ApiContract.TOKEN_SCHEME)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = SharedApiNames.CHANGES, summary = "This service's changes after a cursor, oldest first",
            description = "Creations, updates, deletions, merges and restores, each the event this service published "
                    + "(CloudEvents JSON; each type's data is described in the service's AsyncAPI document), in the order "
                    + "they were published. Start without after= (the oldest change kept), then send the cursor of each "
                    + "page as after=; when more is false you are up to date: keep the cursor and ask again later. "
                    + "Changes are kept rapport.outbox.retention (7 days by default); a cursor older than that is "
                    + "answered 410: read everything again, then follow the feed from a fresh cursor. To start a copy: "
                    + "read the feed to its end first, then list everything, then follow the feed from that cursor "
                    + "(a change seen twice carries the same version). Changes private to another user are left out.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            headers = @Header(name = ApiHeaders.LINK, description = "When more is true: the next page's absolute URL, rel=\"next\" (the request with after=cursor)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "410", description = "Changes after this cursor were pruned: resync",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid query parameters", content = @Content(mediaType = PROBLEM))
    public Response changes(@Parameter(description = "The cursor of the previous page; none for the oldest change kept")
                            @QueryParam("after") String after,
                            @Parameter(description = "Page size (default 100, at most 1000)",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
                            @QueryParam("limit") String limit,
                            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = WholeNumberParameter.parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        if (after != null && !CURSOR.matcher(after).matches()) {
            errors.add(FieldError.query("after", "is not a cursor this feed gave"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        ChangePage page = feed.after(after == null ? null : Long.valueOf(after),
                workspaces.currentUser().orElseThrow(), size);
        Response.ResponseBuilder response = Response.ok(page);
        if (page.more()) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("after", page.cursor()).build(), "next");
        }
        return response.build();
    }
}
