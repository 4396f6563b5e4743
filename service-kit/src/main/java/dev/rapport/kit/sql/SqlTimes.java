package dev.rapport.kit.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A {@code timestamptz} read by native SQL, whichever Java type the driver and Hibernate chose for it
 * ({@link OffsetDateTime}, {@link Instant} or {@link Timestamp}): the one conversion every native result uses.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant, or null for SQL {@code null}. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value.getClass().getName());
    }

    /** The instant at UTC, or null for SQL {@code null}. */
    public static OffsetDateTime utc(Object value) {
        Instant instant = instant(value);
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
