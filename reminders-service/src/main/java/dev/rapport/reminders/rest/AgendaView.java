package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.Agenda;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Agenda", description = "Overdue (promises first by days late, then keep-in-touch by lateness over cadence), due on the date, and coming in the days after; birthdays as early as your lead days")
public record AgendaView(
        @Schema(required = true, format = "date") LocalDate date,
        @Schema(required = true) int days,
        @Schema(required = true, examples = "Europe/Paris", description = "Your time zone (/v1/reminder-settings), in which the days are counted") String timeZone,
        @Schema(required = true) List<AgendaItemView> overdue,
        @Schema(required = true, description = "How many are overdue in all (overdue holds at most limit)") long overdueCount,
        @Schema(required = true) List<AgendaItemView> today,
        @Schema(required = true) List<AgendaItemView> upcoming) {

    static AgendaView of(Agenda agenda) {
        return new AgendaView(agenda.date(), agenda.days(), agenda.timeZone().getId(),
                agenda.overdue().stream().map(i -> AgendaItemView.of(i, agenda.date())).toList(), agenda.overdueCount(),
                agenda.today().stream().map(i -> AgendaItemView.of(i, agenda.date())).toList(),
                agenda.upcoming().stream().map(i -> AgendaItemView.of(i, agenda.date())).toList());
    }
}
