package dev.rapport.reminders.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A user's days from {@code date}: what is overdue (promises first, by days late; then keep-in-touch by how late
 * relative to their cadence), due that day, and coming in the next {@code days - 1} days (birthdays as early as the
 * user's lead days). The lists stop at the page size asked; {@code overdueCount} counts every overdue one.
 */
public record Agenda(LocalDate date, int days, ZoneId timeZone, List<AgendaItem> overdue, long overdueCount,
                     List<AgendaItem> today, List<AgendaItem> upcoming) {
}
