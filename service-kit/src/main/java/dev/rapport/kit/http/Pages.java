package dev.rapport.kit.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A page of a cursor-paginated list: its body, and its next page also as a {@code Link: rel="next"} header. */
public final class Pages {

    private Pages() {
    }

    public static Response ok(Object page, String nextCursor, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        if (nextCursor != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build(), "next");
        }
        return response.build();
    }
}
