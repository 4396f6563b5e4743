package dev.rapport.kit.problem;

import dev.rapport.kit.tenancy.WorkspaceClaimCheck;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
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
        // Only the claim check's reason is safe to repeat; the verifier's may describe the token.
        return Problems.unauthorized(e.getCause() instanceof WorkspaceClaimCheck.InvalidClaim reason ? reason.getMessage()
                : "The bearer token is missing, expired or not trusted").toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unauthorized(UnauthorizedException e) {
        return Problems.unauthorized("A bearer token is required").toResponse();
    }
}
