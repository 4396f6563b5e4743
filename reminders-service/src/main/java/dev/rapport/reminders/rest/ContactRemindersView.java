package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "ContactReminders")
public record ContactRemindersView(@Schema(required = true) UUID contactId,
                                   @Schema(required = true, description = "By day; daysOverdue counted from today in your time zone") List<AgendaItemView> items) {
}
