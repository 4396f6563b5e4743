package dev.rapport.kit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 problems for a missing or invalid token. resteasy-problem 3.21's own mappers for these exceptions are
 * binary-incompatible with Quarkus 3.33 (NoSuchFieldError on the challenge header, which turned every 401
 * into a 500); these take precedence and still build the body with the library.
 */
public class UnauthenticatedProblemMappers {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("The bearer token is missing, expired or not trusted");
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("A bearer token is required");
    }

    private static Response unauthorized(String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build()
                .toResponse();
    }
}
