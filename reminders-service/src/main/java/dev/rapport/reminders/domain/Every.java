package dev.rapport.reminders.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * How often: an ISO-8601 period of whole days, weeks, months or years ({@code P30D}, {@code P2W}, {@code P3M},
 * {@code P1Y}), from one day to ten years. PostgreSQL reads the same text as an interval, so the database adds it to
 * dates exactly as {@link #after} does, and compares two by their length with a month as 30 days.
 */
public record Every(String iso, Period period) {

    public static final String RULE = "an ISO-8601 period of days, weeks, months or years (P30D, P2W, P3M, P1Y), from P1D to P10Y";

    /** The last day a reminder may be due: dates are years 0001 to 9999 throughout the API. */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);

    /** The period, or empty when {@code text} is not one this API takes. */
    public static Optional<Every> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Period period;
        LocalDate next;
        try {
            // Weeks past int's range overflow in the parse, years past LocalDate's in the addition: out of range too.
            period = Period.parse(text.strip());
            next = period.isNegative() ? FROM : FROM.plus(period);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
        // Negative in any unit ("P1M-29D" too) or not moving a day forward (P0D) is no cadence.
        if (!next.isAfter(FROM) || next.isAfter(FROM.plusYears(10))) {
            return Optional.empty();
        }
        // Weeks become days in Period; keep the client's spelling (in capitals), which PostgreSQL reads the same way.
        return Optional.of(new Every(text.strip().toUpperCase(java.util.Locale.ROOT), period));
    }

    /** The next day after {@code day}, or empty past {@link #LAST_DAY}. */
    public Optional<LocalDate> after(LocalDate day) {
        return day.isAfter(LAST_DAY.minus(period)) ? Optional.empty() : Optional.of(day.plus(period));
    }
}
