package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.AgendaItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Schema(name = "AgendaItem", description = "A reminder on its day, or a birthday (reminderId null)")
public record AgendaItemView(
        @Schema(required = true, nullable = true, description = "null for a birthday") UUID reminderId,
        @Schema(required = true, enumeration = {"keep-in-touch", "one-off", "follow-up", "birthday"}) String kind,
        @Schema(required = true, format = "date", description = "The day it is due (a snooze included) or the birthday falls") LocalDate due,
        @Schema(required = true, nullable = true, examples = "09:30") String time,
        @Schema(required = true, nullable = true, examples = "Europe/Paris") String timeZone,
        @Schema(required = true, nullable = true) String text,
        @Schema(required = true, nullable = true) UUID contactId,
        @Schema(required = true, nullable = true) String contactName,
        @Schema(required = true, nullable = true, examples = "P30D") String every,
        @Schema(required = true, nullable = true, format = "date") LocalDate snoozedUntil,
        @Schema(required = true, nullable = true, format = "date", description = "Keep-in-touch: the last interaction's day") LocalDate lastInteractionOn,
        @Schema(required = true, description = "Days past due on the agenda's date (0 when not overdue)") long daysOverdue,
        @Schema(required = true, nullable = true, description = "Keep-in-touch: days overdue over the cadence in days (a month as 30), what overdue ones are ranked by") Double overdueRatio,
        @Schema(required = true, nullable = true, description = "A birthday's age turned, when the year is known") Integer turns,
        @Schema(required = true, nullable = true, description = "The reminder's version (its ETag); null for a birthday") Long version) {

    static AgendaItemView of(AgendaItem item, LocalDate date) {
        long late = Math.max(0, ChronoUnit.DAYS.between(item.due(), date));
        return new AgendaItemView(item.reminderId(), item.kind(), item.due(),
                item.time() == null ? null : item.time().toString(), item.timeZone(), item.text(), item.contactId(),
                item.contactName(), item.every(), item.snoozedUntil(), item.lastInteractionOn(), late,
                item.everyDays() == null || item.everyDays() == 0 ? null : Math.round(late / item.everyDays() * 100) / 100.0,
                item.bornIn() == null ? null : item.due().getYear() - item.bornIn(), item.version());
    }
}
