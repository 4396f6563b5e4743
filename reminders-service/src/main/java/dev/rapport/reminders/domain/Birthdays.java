package dev.rapport.reminders.domain;

import java.time.LocalDate;
import java.time.Year;

/**
 * When a birthday falls. Someone born on 29 February is celebrated on 28 February in other years: it keeps the day in
 * their month and never lets it pass unnoticed (1 March would come a day after the fact for anyone counting on
 * February). The calendar feed writes the same rule ({@code BYMONTH=2;BYMONTHDAY=-1}).
 */
public final class Birthdays {

    private Birthdays() {
    }

    /** The birthday in {@code year}. */
    public static LocalDate in(int year, int month, int day) {
        if (month == 2 && day == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return LocalDate.of(year, month, day);
    }

    /** The first birthday on or after {@code from}. */
    public static LocalDate next(LocalDate from, int month, int day) {
        LocalDate thisYear = in(from.getYear(), month, day);
        return thisYear.isBefore(from) ? in(from.getYear() + 1, month, day) : thisYear;
    }
}
