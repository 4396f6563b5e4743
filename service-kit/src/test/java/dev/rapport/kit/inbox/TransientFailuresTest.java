package dev.rapport.kit.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void databaseOutagesAreTransientWhereverTheyAreWrapped() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(TransientFailures.isTransient(new IllegalStateException("tx", new SQLException("closed", "08006"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("shutting down", "57P01"))));
    }

    @Test
    void badEventsAndConstraintViolationsAreNot() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("Unreadable event")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }

    @Test
    void anUnavailableDatabaseIsWaitedOutForeverADeadlockForAWhileABadEventNotAtAll() {
        RuntimeException down = new RuntimeException(new SQLException("refused", "08001"));
        RuntimeException deadlock = new RuntimeException(new SQLException("deadlock", "40P01"));
        RuntimeException bad = new IllegalArgumentException("Unreadable event");
        assertTrue(TransientFailures.worthWaitingOut(down, 10_000, 5));
        assertTrue(TransientFailures.worthWaitingOut(deadlock, 5, 5));
        assertTrue(TransientFailures.worthWaitingOut(deadlock, 5 * TransientFailures.CONCURRENCY_ATTEMPTS_FACTOR - 1, 5));
        assertFalse(TransientFailures.worthWaitingOut(deadlock, 5 * TransientFailures.CONCURRENCY_ATTEMPTS_FACTOR, 5));
        assertFalse(TransientFailures.worthWaitingOut(bad, 5, 5));
        assertFalse(TransientFailures.worthWaitingOut(null, 5, 5));
    }
}
