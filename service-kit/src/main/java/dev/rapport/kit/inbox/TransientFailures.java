package dev.rapport.kit.inbox;

import dev.rapport.kit.sql.ConcurrentTransactions;
import dev.rapport.kit.sql.DatabaseUnavailable;

import java.sql.SQLTransientException;

/**
 * Failures that say nothing about the event: the database is unreachable, restarting, out of connections or
 * resolved a deadlock. Retrying later succeeds; dead-lettering would lose a good event.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    /**
     * Retries a concurrency failure allows beyond a consumer's usual attempts. A deadlock that keeps coming back this
     * often is a bug to see in the dead-letter topic, not to wait out with the partition held.
     */
    static final int CONCURRENCY_ATTEMPTS_FACTOR = 4;

    /**
     * Whether an event that failed {@code attempts} times, the last with {@code failure}, is tried again after its
     * {@code maxAttempts} ran out: while the database is unavailable, always (it comes back, and dead-lettering would
     * lose a good event); after other transient failures, for a while longer.
     */
    static boolean worthWaitingOut(Throwable failure, int attempts, int maxAttempts) {
        if (failure == null || DatabaseUnavailable.isCause(failure)) {
            return failure != null;
        }
        return isTransient(failure) && attempts < maxAttempts * CONCURRENCY_ATTEMPTS_FACTOR;
    }

    static boolean isTransient(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return true;
        }
        if (ConcurrentTransactions.isCause(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }
}
