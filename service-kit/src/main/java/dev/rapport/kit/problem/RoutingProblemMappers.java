package dev.rapport.kit.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problems for requests no operation takes (no such path or id, another method, media type or Accept), in the API's
 * words: the framework's own name its annotations ("did not match the value in @Consumes") and its internals.
 */
public class RoutingProblemMappers {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response notFound(NotFoundException e) {
        return Problems.notFound("Nothing here: check the path, and that the id is a UUID of your workspace").toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response notAllowed(NotAllowedException e) {
        return Problems.builder(405, "method-not-allowed", "Method Not Allowed",
                "This path does not take that method: see the API document for the ones it takes").build().toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unsupported(NotSupportedException e) {
        return Problems.builder(415, "unsupported-media-type", "Unsupported Media Type",
                "This operation does not read that Content-Type: see the API document for the ones it takes").build().toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response notAcceptable(NotAcceptableException e) {
        return Problems.builder(406, "not-acceptable", "Not Acceptable",
                "This operation cannot answer in a media type the Accept header allows").build().toResponse();
    }
}
