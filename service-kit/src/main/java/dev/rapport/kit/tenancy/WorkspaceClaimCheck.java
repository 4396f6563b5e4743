package dev.rapport.kit.tenancy;

import dev.rapport.kit.http.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * A verified token is accepted only when its workspace claim is a string of the documented shape
 * ({@link WorkspaceIds}) and its subject names a user in text that can be stored. An empty, blank, numeric or
 * array workspace would create data no consumer accepts; an empty subject would own contacts nobody can see as
 * theirs; a NUL in either would fail every query.
 */
@ApplicationScoped
public class WorkspaceClaimCheck implements SecurityIdentityAugmentor {

    static final int LONGEST_USER_ID = 255;
    /** The identity attribute holding the checked workspace ({@link WorkspaceContext} reads it). */
    static final String WORKSPACE = "rapport.workspace";

    @Inject
    AuthConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String workspaceClaim = config.workspaceClaim();
        Optional<String> workspace = WorkspaceIds.fromClaim(token.getClaim(workspaceClaim));
        if (workspace.isEmpty()) {
            return refuse("The token's '" + workspaceClaim + "' claim must be a workspace id: " + WorkspaceIds.SHAPE);
        }
        if (!isUserId(token.getSubject())) {
            return refuse("The token's 'sub' claim must name the user: 1 to " + LONGEST_USER_ID
                    + " characters, no control characters");
        }
        // Read once here: every statement asks for it, and the token answers a claim it has no constant for by throwing
        // and catching an exception (4% of a POST's CPU when each statement read it).
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(WORKSPACE, workspace.get()).build());
    }

    /** The subject becomes owner and author of what the user writes, and a filter in their queries. */
    private static boolean isUserId(String subject) {
        return subject != null && !subject.isBlank() && subject.length() <= LONGEST_USER_ID
                && Text.isStorable(subject) && subject.chars().noneMatch(Character::isISOControl);
    }

    private static Uni<SecurityIdentity> refuse(String why) {
        InvalidClaim reason = new InvalidClaim(why);
        return Uni.createFrom().failure(new AuthenticationFailedException(reason.getMessage(), reason));
    }

    /** The cause of the refusal; its message is safe to show: it names the claim and the shape, never the value. */
    public static class InvalidClaim extends RuntimeException {
        InvalidClaim(String why) {
            super(why, null, false, false);
        }
    }
}
