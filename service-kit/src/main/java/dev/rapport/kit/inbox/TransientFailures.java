package dev.rapport.kit.inbox;

import dev.rapport.kit.sql.DatabaseUnavailable;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Failures that say nothing about the event: the database is unreachable, restarting, out of connections or
 * resolved a deadlock. Retrying later succeeds; dead-lettering would lose a good event.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            // 40001/40P01: a serialization failure or a deadlock PostgreSQL resolved; the next attempt goes through.
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
