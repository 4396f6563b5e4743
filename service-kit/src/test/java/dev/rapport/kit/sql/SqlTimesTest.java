package dev.rapport.kit.sql;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlTimesTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void everyTypeADriverGivesIsTheSameInstant() {
        assertEquals(AT, SqlTimes.instant(AT));
        assertEquals(AT, SqlTimes.instant(AT.atOffset(ZoneOffset.ofHours(2))));
        assertEquals(AT, SqlTimes.instant(AT.atZone(ZoneOffset.ofHours(-5))));
        assertEquals(AT, SqlTimes.instant(Timestamp.from(AT)));
        assertNull(SqlTimes.instant(null));
    }

    @Test
    void utcIsTheInstantAtOffsetZero() {
        OffsetDateTime utc = SqlTimes.utc(AT.atOffset(ZoneOffset.ofHours(2)));
        assertEquals(ZoneOffset.UTC, utc.getOffset());
        assertEquals(AT, utc.toInstant());
        assertNull(SqlTimes.utc(null));
    }

    @Test
    void anythingElseIsAnError() {
        assertThrows(IllegalStateException.class, () -> SqlTimes.instant("2026-03-01"));
    }
}
