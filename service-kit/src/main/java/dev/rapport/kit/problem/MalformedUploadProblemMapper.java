package dev.rapport.kit.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * A multipart/form-data body that is empty, cut off or has no closing boundary fails while the framework parses
 * it, before any resource runs, as an IOException: that is the client's malformed request (400), not ours.
 */
public class MalformedUploadProblemMapper {

    private static final Logger LOG = Logger.getLogger(MalformedUploadProblemMapper.class);

    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        if (parsingForm(e)) {
            return Problems.malformed("The multipart/form-data body is empty, cut off or not multipart: "
                    + "send the file in a form field named 'file', with the boundary of the Content-Type header").toResponse();
        }
        // Any other I/O failure is ours: logged whole here, answered without detail.
        LOG.error("I/O failure while answering a request", e);
        return Problems.builder(500, "internal", "Internal Server Error", null).build().toResponse();
    }

    private static boolean parsingForm(IOException e) {
        return Arrays.stream(e.getStackTrace()).limit(8)
                .anyMatch(frame -> frame.getClassName().contains(".multipart.") || frame.getClassName().endsWith("FormBodyHandler"));
    }
}
