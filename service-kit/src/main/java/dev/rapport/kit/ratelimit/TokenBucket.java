package dev.rapport.kit.ratelimit;

/**
 * A token bucket: {@code burst} tokens at most, refilled continuously at {@code perSecond}; a request takes one.
 * Time is passed in (nanoseconds, monotonic) so it can be tested without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perNano;
    private final int burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, int burst, long now) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Takes a token: 0 when one was there, else the nanoseconds until one will be (nothing is taken then). */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Gives back a token taken for a request another limit then refused, so that refusal costs this one nothing. */
    synchronized void giveBack() {
        tokens = Math.min(burst, tokens + 1);
    }

    /** Full again: forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    int burst() {
        return burst;
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
