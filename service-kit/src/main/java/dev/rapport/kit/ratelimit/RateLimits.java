package dev.rapport.kit.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The buckets of every token and workspace that made a request lately, and the verdict on one request. */
final class RateLimits {

    /** Buckets kept before full (idle) ones are forgotten: each is a few dozen bytes. */
    static final int SWEEP_ABOVE = 20_000;

    /** Why a request is refused: the limit it hit, and when to try again. */
    record Refusal(String scope, int limit, long retryAfterNanos) {
    }

    private final RateLimitConfig.Limit tokenLimit;
    private final RateLimitConfig.Limit workspaceLimit;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> tokens = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> workspaces = new ConcurrentHashMap<>();

    RateLimits(RateLimitConfig.Limit tokenLimit, RateLimitConfig.Limit workspaceLimit, LongSupplier clock) {
        this.tokenLimit = tokenLimit;
        this.workspaceLimit = workspaceLimit;
        this.clock = clock;
    }

    /** Counts one request of this token of this workspace; empty when it may go on. */
    Optional<Refusal> admit(String token, String workspace) {
        long now = clock.getAsLong();
        TokenBucket byToken = bucket(tokens, token, tokenLimit, now);
        long tokenWait = byToken.take(now);
        if (tokenWait > 0) {
            return Optional.of(new Refusal("token", byToken.burst(), tokenWait));
        }
        TokenBucket byWorkspace = bucket(workspaces, workspace, workspaceLimit, now);
        long workspaceWait = byWorkspace.take(now);
        if (workspaceWait > 0) {
            byToken.giveBack();
            return Optional.of(new Refusal("workspace", byWorkspace.burst(), workspaceWait));
        }
        return Optional.empty();
    }

    private static TokenBucket bucket(Map<String, TokenBucket> buckets, String key, RateLimitConfig.Limit limit, long now) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, ignored -> new TokenBucket(limit.perSecond(), limit.burst(), now));
    }
}
