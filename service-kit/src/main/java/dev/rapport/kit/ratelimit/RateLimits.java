package dev.rapport.kit.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The buckets of every user and workspace that made a request lately, and the verdict on one request. */
final class RateLimits {

    /** Buckets that are full again (idle) are forgotten at most this often: a full bucket is a fresh one. */
    static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** {@code burst} requests at once, refilled at {@code perSecond}. */
    record Limit(double perSecond, int burst) {

        static Limit of(RateLimitConfig.Limit config) {
            return new Limit(config.perSecond(), config.burst());
        }
    }

    /** Why a request is refused: the limit it hit, and when to try again. */
    record Refusal(String scope, int limit, long retryAfterNanos) {
    }

    private final Limit userLimit;
    private final Limit workspaceLimit;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> users = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> workspaces = new ConcurrentHashMap<>();
    private final AtomicLong sweptAt;

    RateLimits(Limit userLimit, Limit workspaceLimit, LongSupplier clock) {
        this.userLimit = userLimit;
        this.workspaceLimit = workspaceLimit;
        this.clock = clock;
        this.sweptAt = new AtomicLong(clock.getAsLong());
    }

    /** Counts one request of this user of this workspace; empty when it may go on. */
    Optional<Refusal> admit(String workspace, String user) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        TokenBucket byUser = users.computeIfAbsent(workspace + '\u0000' + user, ignored -> bucket(userLimit, now));
        long userWait = byUser.take(now);
        if (userWait > 0) {
            return Optional.of(new Refusal("user", byUser.burst(), userWait));
        }
        TokenBucket byWorkspace = workspaces.computeIfAbsent(workspace, ignored -> bucket(workspaceLimit, now));
        long workspaceWait = byWorkspace.take(now);
        if (workspaceWait > 0) {
            byUser.giveBack();
            return Optional.of(new Refusal("workspace", byWorkspace.burst(), workspaceWait));
        }
        return Optional.empty();
    }

    /** How many users' and workspaces' buckets are kept. */
    int buckets() {
        return users.size() + workspaces.size();
    }

    private void sweepIfDue(long now) {
        long last = sweptAt.get();
        if (now - last >= SWEEP_EVERY_NANOS && sweptAt.compareAndSet(last, now)) {
            users.values().removeIf(bucket -> bucket.isFull(now));
            workspaces.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private static TokenBucket bucket(Limit limit, long now) {
        return new TokenBucket(limit.perSecond(), limit.burst(), now);
    }
}
