package dev.rapport.kit.sql;

import java.sql.SQLException;

/**
 * Failures PostgreSQL reports when two transactions got in each other's way and it rolled one back: a deadlock it
 * broke (40P01) or a serialization failure (40001). Nothing is wrong with the request or the event, and the same
 * call made again goes through.
 */
public final class ConcurrentTransactions {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    private ConcurrentTransactions() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || DEADLOCK_DETECTED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
