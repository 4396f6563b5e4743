package dev.rapport.kit.ratelimit;

import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every request with a verified token counts against its user's and its workspace's limits ({@link RateLimitConfig});
 * over either, it is answered 429 with {@code Retry-After} and the {@code RateLimit-*} fields, before any work.
 * Requests without a valid token (refused with 401 anyway) and operations open to anyone (the calendar feed) are not
 * counted, and their token is not even looked at.
 */
public class RateLimitFilter {

    private final boolean enabled;
    private final RateLimits limits;
    private final MeterRegistry meters;
    private final Map<Method, Boolean> openToAnyone = new ConcurrentHashMap<>();

    @Inject
    SecurityIdentity identity;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    public RateLimitFilter(RateLimitConfig config, MeterRegistry meters) {
        this.enabled = config.enabled();
        this.limits = new RateLimits(RateLimits.Limit.of(config.user()), RateLimits.Limit.of(config.workspace()),
                System::nanoTime);
        this.meters = meters;
    }

    /** Before the other filters: a refused request costs as little as it can. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void limit(ResourceInfo resource) {
        if (!enabled || openToAnyone(resource.getResourceMethod()) || identity.isAnonymous()) {
            return;
        }
        Optional<String> workspace = workspaces.current();
        Optional<String> user = workspaces.currentUser();
        if (workspace.isEmpty() || user.isEmpty()) {
            return;
        }
        limits.admit(workspace.get(), user.get()).ifPresent(refusal -> {
            meters.counter("rapport.requests.rate-limited", "scope", refusal.scope()).increment();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(refusal.retryAfterNanos())
                    + (refusal.retryAfterNanos() % TimeUnit.SECONDS.toNanos(1) == 0 ? 0 : 1));
            throw Problems.tooManyRequests("Over this " + refusal.scope() + "'s limit of requests: retry in " + seconds
                    + " s", seconds, refusal.limit());
        });
    }

    private boolean openToAnyone(Method method) {
        return method != null && openToAnyone.computeIfAbsent(method, m ->
                m.isAnnotationPresent(PermitAll.class) || m.getDeclaringClass().isAnnotationPresent(PermitAll.class));
    }
}
