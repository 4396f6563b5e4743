package dev.rapport.kit.ratelimit;

import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every request with a verified token counts against its token's and its workspace's limits
 * ({@link RateLimitConfig}); over either, it is answered 429 with {@code Retry-After} and the {@code RateLimit-*}
 * fields, before any work. Requests without a token (refused with 401 anyway) and the calendar feed are not counted.
 */
public class RateLimitFilter {

    /** Response fields of the IETF "RateLimit header fields for HTTP" draft, as most clients read them. */
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private final boolean enabled;
    private final RateLimits limits;
    private final MeterRegistry meters;

    @Inject
    SecurityIdentity identity;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    public RateLimitFilter(RateLimitConfig config, MeterRegistry meters) {
        this.enabled = config.enabled();
        this.limits = new RateLimits(config.token(), config.workspace(), System::nanoTime);
        this.meters = meters;
    }

    /** Before the other filters: a refused request costs as little as it can. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void limit() {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Optional<String> workspace = workspaces.current();
        if (workspace.isEmpty()) {
            return;
        }
        limits.admit(signature(token.getRawToken()), workspace.get()).ifPresent(refusal -> {
            meters.counter("rapport_rate_limited_total", "scope", refusal.scope()).increment();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(refusal.retryAfterNanos() + 999_999_999L));
            throw Problems.tooManyRequests("Over this " + refusal.scope() + "'s limit of requests: retry in " + seconds
                    + " s", seconds, refusal.limit());
        });
    }

    /** A token is known by its signature: unique to it, and shorter to keep than the whole token. */
    private static String signature(String rawToken) {
        return rawToken.substring(rawToken.lastIndexOf('.') + 1);
    }
}
