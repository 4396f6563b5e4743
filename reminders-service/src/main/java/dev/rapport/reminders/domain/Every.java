package dev.rapport.reminders.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How often: an ISO-8601 period of whole days, weeks, months or years ({@code P30D}, {@code P2W}, {@code P3M},
 * {@code P1Y}), from one day to ten years. PostgreSQL reads the same text as an interval, so the database adds it to
 * dates exactly as {@link #after} does, and compares two by their length with a month as 30 days.
 */
public record Every(String iso, Period period) {

    public static final String RULE = "an ISO-8601 period of days, weeks, months or years (P30D, P2W, P3M, P1Y), from P1D to P10Y";

    /** The period, or empty when {@code text} is not one this API takes. */
    public static Optional<Every> parse(String text) {
        if (text == null || text.isBlank() || text.contains("T") || text.startsWith("-")) {
            return Optional.empty();
        }
        Period period;
        try {
            period = Period.parse(text.strip());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (period.isNegative() || period.isZero() || period.toTotalMonths() * 30 + period.getDays() > 3660
                || period.getYears() > 10) {
            return Optional.empty();
        }
        // Weeks become days in Period; keep the client's spelling, which PostgreSQL reads the same way.
        return Optional.of(new Every(text.strip(), period));
    }

    public LocalDate after(LocalDate day) {
        return day.plus(period);
    }

    /** Its length in days, a month counted as 30 (as PostgreSQL compares intervals): the strictest is the shortest. */
    public long approximateDays() {
        return period.toTotalMonths() * 30 + period.getDays();
    }
}
