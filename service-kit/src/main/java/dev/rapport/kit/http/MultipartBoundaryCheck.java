package dev.rapport.kit.http;

import dev.rapport.kit.problem.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A multipart Content-Type must name a usable boundary (RFC 2046 §5.1.1: 1 to 70 characters) before the form parser
 * sees the body: with {@code boundary=} left empty, the framework's header parsing fails with an index error, which
 * would answer a client's malformed request with a 500.
 */
public class MultipartBoundaryCheck {

    @ServerRequestFilter(preMatching = true)
    public void requireABoundary(HttpHeaders headers) {
        MediaType type;
        try {
            type = headers.getMediaType();
        } catch (IllegalArgumentException unparsable) {
            return; // answered as an unsupported media type where the body is read
        }
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return;
        }
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isBlank() || boundary.length() > 70) {
            throw Problems.malformed("A multipart body needs a boundary of 1 to 70 characters in its Content-Type");
        }
    }
}
