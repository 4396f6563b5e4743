package dev.rapport.kit.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workspace (tenant) the current work belongs to: the verified token's workspace claim during an HTTP
 * request, the event's {@code workspaceid} while a consumer applies it. Nothing else can choose it.
 */
@ApplicationScoped
public class WorkspaceContext {

    private static final ThreadLocal<String> EVENT_WORKSPACE = new ThreadLocal<>();
    private static final ThreadLocal<String> BACKGROUND_USER = new ThreadLocal<>();

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public Optional<String> current() {
        String fromEvent = EVENT_WORKSPACE.get();
        if (fromEvent != null) {
            return Optional.of(fromEvent);
        }
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        // Only an identity WorkspaceClaimCheck accepted carries it.
        return Optional.ofNullable(identity.getAttribute(WorkspaceClaimCheck.WORKSPACE));
    }

    public String require() {
        return current().orElseThrow(() -> new IllegalStateException("No workspace for this work"));
    }

    /** The verified token's subject, the user a background job runs for, or empty. */
    public Optional<String> currentUser() {
        if (EVENT_WORKSPACE.get() != null) {
            return Optional.ofNullable(BACKGROUND_USER.get());
        }
        if (!Arc.container().requestContext().isActive()
                || token.getRawToken() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.getSubject());
    }

    /**
     * Runs work on behalf of an event's workspace (consumers only), inside a request context because Quarkus
     * consults the tenant resolver only there.
     */
    public <T> T callAs(String workspace, Supplier<T> work) {
        return callAs(workspace, null, work);
    }

    /**
     * Runs scheduled work that spans every workspace (declared {@code crossWorkspace} statements only), inside a
     * request context because Quarkus opens a Hibernate session only there.
     */
    public <T> T callAcrossWorkspaces(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.get();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /**
     * Runs background work that a user asked for (an import, say) in their workspace and under their name,
     * as verified when they asked.
     */
    public <T> T callAs(String workspace, String user, Supplier<T> work) {
        String previous = EVENT_WORKSPACE.get();
        String previousUser = BACKGROUND_USER.get();
        EVENT_WORKSPACE.set(workspace);
        BACKGROUND_USER.set(user);
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.get();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
            if (previous == null) {
                EVENT_WORKSPACE.remove();
            } else {
                EVENT_WORKSPACE.set(previous);
            }
            if (previousUser == null) {
                BACKGROUND_USER.remove();
            } else {
                BACKGROUND_USER.set(previousUser);
            }
        }
    }
}
