package dev.rapport.kit.sql;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    @Test
    void aDatabaseThatIsDownRestartingOrOutOfConnectionsIsUnavailableWhereverItIsWrapped() {
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("refused", "08001", new ConnectException()))));
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("tx", new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("too many clients", "53300"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLTransientConnectionException("pool"))));
        // Agroal's two wordings of an exhausted pool, neither with a state.
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
        // Agroal's wording for a connection it dropped under a request, again without a state.
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("Connection is closed"))));
    }

    @Test
    void aRefusedConnectionToSomethingOtherThanTheDatabaseIsNot() {
        // A calendar server or webhook receiver refusing the connection: no JDBC in the chain.
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException("fetch failed", new ConnectException("Connection refused"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("connect failed", null, new ConnectException()))));
    }

    @Test
    void badInputBugsAndConflictsAreNot() {
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("disk full", "53100"))));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("protocol violation", "08P01"))));
        assertFalse(DatabaseUnavailable.isCause(new NullPointerException()));
        assertFalse(DatabaseUnavailable.isCause(null));
    }
}
