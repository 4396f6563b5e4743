package dev.rapport.interactions.mapping.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Which occurrences a read keeps: those whose start lies in [from, to], both ends included.
 *
 * @param floatingZone where "floating" times (no TZID, no Z) and all-day dates are placed on the time line. iCalendar
 *                     says a floating time means "wherever the reader is", which a server does not know, so the
 *                     caller passes the user's zone when it has one; {@link #ReadWindow(Instant, Instant)} uses UTC.
 */
public record ReadWindow(Instant from, Instant to, ZoneId floatingZone) {

    public ReadWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(floatingZone, "floatingZone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    public ReadWindow(Instant from, Instant to) {
        this(from, to, ZoneOffset.UTC);
    }

    /** The usual import window: the last {@code back} up to {@code now}. */
    public static ReadWindow endingAt(Instant now, Duration back) {
        return new ReadWindow(now.minus(back), now);
    }

    public ReadWindow withFloatingZone(ZoneId zone) {
        return new ReadWindow(from, to, zone);
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(from) && !instant.isAfter(to);
    }
}
