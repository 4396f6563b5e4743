package dev.rapport.kit.http;

import dev.rapport.kit.problem.FieldError;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Dates and instants from clients, limited to four-digit years (0001 to 9999): ISO 8601 without its expanded
 * years, what PostgreSQL, JavaScript's Date and every calendar tool read. java.time alone accepts ±999999999,
 * which PostgreSQL then refuses mid-write.
 */
public final class IsoDates {

    public static final String RANGE = "between 0001-01-01 and 9999-12-31";
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private IsoDates() {
    }

    /** @throws DateTimeException when not {@code YYYY-MM-DD} or outside {@link #RANGE} */
    public static LocalDate date(String text) {
        return inRange(LocalDate.parse(text.strip()));
    }

    /** An ISO instant, or a date meaning its start in UTC. @throws DateTimeException as {@link #date} */
    public static Instant instantOrDate(String text) {
        String value = text.strip();
        if (value.length() <= 11) {
            return date(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        Instant instant = Instant.parse(value);
        inRange(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        return instant;
    }

    /** A query parameter read by {@link #instantOrDate}; null with a field error naming it when it cannot be. */
    public static Instant queryInstant(String name, String text, List<FieldError> errors) {
        try {
            return instantOrDate(text);
        } catch (DateTimeException e) {
            errors.add(FieldError.query(name,
                    "must be an ISO instant (2026-01-31T12:00:00Z) or date, " + RANGE));
            return null;
        }
    }

    private static LocalDate inRange(LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new DateTimeException(date + " is not " + RANGE);
        }
        return date;
    }
}
