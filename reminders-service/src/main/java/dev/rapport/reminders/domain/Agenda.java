package dev.rapport.reminders.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A user's days from {@code date}: what is overdue (promises first, by days late; then keep-in-touch by how late
 * relative to their cadence), due that day, and coming in the next {@code days - 1} days (birthdays as early as the
 * user's lead days). Counts are of everything there is; the lists stop at the page size asked.
 */
public record Agenda(LocalDate date, int days, ZoneId timeZone, List<AgendaItem> overdue, long overdueCount,
                     List<AgendaItem> today, List<AgendaItem> upcoming, long comingCount) {
}
