package dev.rapport.kit.sql;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentTransactionsTest {

    @Test
    void aDeadlockOrSerializationFailureIsConcurrencyWhereverItIsWrapped() {
        assertTrue(ConcurrentTransactions.isCause(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(ConcurrentTransactions.isCause(new IllegalStateException("commit",
                new RuntimeException(new SQLException("could not serialize access", "40001")))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ConcurrentTransactions.isCause(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(ConcurrentTransactions.isCause(new RuntimeException(new SQLException("I/O error", "08006"))));
        assertFalse(ConcurrentTransactions.isCause(new NullPointerException()));
        assertFalse(ConcurrentTransactions.isCause(null));
    }
}
