package dev.rapport.kit.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000);

    /** 2 a second, 4 at once per user; 3 a second, 6 at once per workspace. */
    private final RateLimits limits = new RateLimits(new RateLimits.Limit(2, 4), new RateLimits.Limit(3, 6), now::get);

    @Test
    void aUserMayBurstThenWaitsForTheRefill() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limits.admit("w1", "t1"), "request " + (i + 1));
        }
        RateLimits.Refusal refusal = limits.admit("w1", "t1").orElseThrow();
        assertEquals("user", refusal.scope());
        assertEquals(4, refusal.limit());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), refusal.retryAfterNanos(), "one token every half second");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
        assertTrue(limits.admit("w1", "t1").isPresent(), "not yet");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertEquals(Optional.empty(), limits.admit("w1", "t1"), "one more after half a second");
        assertTrue(limits.admit("w1", "t1").isPresent());
    }

    @Test
    void theWorkspaceLimitHoldsAcrossItsUsersAndNoOtherWorkspace() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.admit("w1", "t1"));
            assertEquals(Optional.empty(), limits.admit("w1", "t2"));
        }
        RateLimits.Refusal refusal = limits.admit("w1", "t3").orElseThrow();
        assertEquals("workspace", refusal.scope());
        assertEquals(6, refusal.limit());
        assertEquals(Optional.empty(), limits.admit("w2", "t4"), "another workspace has its own limit");
    }

    @Test
    void aRequestTheWorkspaceRefusesCostsItsUserNothing() {
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), limits.admit("w1", "busy-" + i));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals("workspace", limits.admit("w1", "t1").orElseThrow().scope());
        }
        // The workspace refills 3 a second: a second later t1 still has its own burst to use.
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.admit("w1", "t1"));
        }
        assertEquals("workspace", limits.admit("w1", "t1").orElseThrow().scope());
    }

    @Test
    void aQuietSpellRefillsNoMoreThanTheBurst() {
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limits.admit("w1", "t1"));
        }
        assertEquals("user", limits.admit("w1", "t1").orElseThrow().scope());
    }

    @Test
    void idleBucketsAreForgottenAtTheNextSweep() {
        limits.admit("w1", "t1");
        limits.admit("w2", "t2");
        assertEquals(4, limits.buckets());
        // Not yet a minute: nothing is swept, even though both are full again.
        now.addAndGet(RateLimits.SWEEP_EVERY_NANOS - 1);
        limits.admit("w1", "t1");
        assertEquals(4, limits.buckets());
        now.addAndGet(RateLimits.SWEEP_EVERY_NANOS);
        limits.admit("w3", "t3");
        assertEquals(2, limits.buckets(), "only the new request's buckets are left");
    }
}
