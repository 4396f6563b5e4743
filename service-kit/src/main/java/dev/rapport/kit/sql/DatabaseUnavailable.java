package dev.rapport.kit.sql;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Failures that mean the database cannot be reached or is not serving (down, restarting, refusing connections, out
 * of them), wherever they are wrapped: nothing is wrong with the request or the event, and the same call succeeds
 * once the database is back.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes 08 (connection exception), 53 (insufficient resources: too many connections) and 57P01-57P03
     * (the server shutting down, crashed, starting up). Agroal reports a pool it could not get a connection from
     * ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection") without a state.
     */
    private static boolean unavailableState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
    }
}
