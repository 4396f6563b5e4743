package dev.rapport.kit.tenancy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token is accepted only when its workspace claim is a string of the documented shape
 * ({@link WorkspaceIds}): an empty, blank, numeric or array claim would otherwise create data in a workspace no
 * consumer accepts, and a control character would fail every query.
 */
@ApplicationScoped
public class WorkspaceClaimCheck implements SecurityIdentityAugmentor {

    @Inject
    AuthConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String workspaceClaim = config.workspaceClaim();
        if (WorkspaceIds.fromClaim(token.getClaim(workspaceClaim)).isPresent()) {
            return Uni.createFrom().item(identity);
        }
        InvalidWorkspaceClaim reason = new InvalidWorkspaceClaim(workspaceClaim);
        return Uni.createFrom().failure(new AuthenticationFailedException(reason.getMessage(), reason));
    }

    /** The cause of the refusal; its message is safe to show: it names the claim and the shape, never the value. */
    public static class InvalidWorkspaceClaim extends RuntimeException {
        InvalidWorkspaceClaim(String claim) {
            super("The token's '" + claim + "' claim must be a workspace id: " + WorkspaceIds.SHAPE, null, false, false);
        }
    }
}
