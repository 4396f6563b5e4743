package dev.rapport.contacts.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query results, whichever Java type the driver chose for them. */
final class NativeResults {
    private NativeResults() {
    }

    static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
