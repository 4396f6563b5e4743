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
}
