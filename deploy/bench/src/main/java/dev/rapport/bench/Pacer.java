package dev.rapport.bench;

import java.util.concurrent.locks.LockSupport;

/** Open-loop pacing: the i-th operation starts at start + i/rate, whatever happened to the previous ones. */
final class Pacer {
    private final long start = System.nanoTime();
    private final long intervalNanos;

    Pacer(int perSecond) {
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    void awaitTurn(long i) {
        long due = start + i * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
