package dev.rapport.kit.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000);

    /** 2 a second, 4 at once per token; 3 a second, 6 at once per workspace. */
    private final RateLimits limits = new RateLimits(limit(2, 4), limit(3, 6), now::get);

    @Test
    void aTokenMayBurstThenWaitsForTheRefill() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limits.admit("t1", "w1"), "request " + (i + 1));
        }
        RateLimits.Refusal refusal = limits.admit("t1", "w1").orElseThrow();
        assertEquals("token", refusal.scope());
        assertEquals(4, refusal.limit());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), refusal.retryAfterNanos(), "one token every half second");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
        assertTrue(limits.admit("t1", "w1").isPresent(), "not yet");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertEquals(Optional.empty(), limits.admit("t1", "w1"), "one more after half a second");
        assertTrue(limits.admit("t1", "w1").isPresent());
    }

    @Test
    void theWorkspaceLimitHoldsAcrossItsTokensAndNoOtherWorkspace() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.admit("t1", "w1"));
            assertEquals(Optional.empty(), limits.admit("t2", "w1"));
        }
        RateLimits.Refusal refusal = limits.admit("t3", "w1").orElseThrow();
        assertEquals("workspace", refusal.scope());
        assertEquals(6, refusal.limit());
        assertEquals(Optional.empty(), limits.admit("t4", "w2"), "another workspace has its own limit");
    }

    @Test
    void aRequestTheWorkspaceRefusesCostsItsTokenNothing() {
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), limits.admit("busy-" + i, "w1"));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals("workspace", limits.admit("t1", "w1").orElseThrow().scope());
        }
        // The workspace refills 3 a second: a second later t1 still has its full burst to use.
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limits.admit("t1", "w1"));
        }
        assertEquals("workspace", limits.admit("t1", "w1").orElseThrow().scope());
    }

    private static RateLimitConfig.Limit limit(double perSecond, int burst) {
        return new RateLimitConfig.Limit() {
            @Override
            public double perSecond() {
                return perSecond;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
    }
}
