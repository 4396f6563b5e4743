package dev.rapport.kit.sql;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Failures that mean the database cannot be reached or is not serving (down, restarting, refusing connections, out
 * of them), wherever they are wrapped: nothing is wrong with the request or the event, and the same call succeeds
 * once the database is back. Only failures that came through JDBC count: a refused connection to a calendar server
 * or a webhook receiver says nothing about the database.
 */
public final class DatabaseUnavailable {

    /**
     * Connection exceptions (08000 connection exception, 08001 unable to connect, 08003 connection does not exist,
     * 08004 connection rejected, 08006 connection failure), 53300 too many connections, and the server shutting down,
     * crashed or starting up (57P01-57P03). Not 08007 (the outcome of a commit is unknown) nor 08P01 (a protocol
     * violation: a bug), not the other resource errors (a full disk does not pass in a few seconds).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("08000", "08001", "08003", "08004", "08006", "53300",
            "57P01", "57P02", "57P03");

    private static final String HIBERNATE_CONNECTION_EXCEPTION = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        boolean throughJdbc = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals(HIBERNATE_CONNECTION_EXCEPTION)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (unavailableState(sql)) {
                    return true;
                }
                throughJdbc = true;
            }
            if (t instanceof ConnectException && throughJdbc) {
                return true;
            }
        }
        return false;
    }

    /**
     * Agroal reports a pool it could not get a connection from ("Sorry, acquisition timeout!", "Acquisition timeout
     * while waiting for new connection"), and a connection it dropped under a request after the server went away
     * ("Connection is closed"), without a state.
     */
    private static boolean unavailableState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout") || message.equals("connection is closed");
        }
        return UNAVAILABLE_STATES.contains(state);
    }
}
