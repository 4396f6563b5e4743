package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.ReminderDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "ReminderInput", description = "A one-off reminder (a follow-up's details likewise). time comes with its zone: timeZone, or yours (/v1/reminder-settings).")
public record ReminderInput(
        @Schema(required = true, examples = "Send Ada the paper") @NotBlank @Size(max = 500) String text,
        @Schema(required = true, format = "date", examples = "2026-12-14", description = "The day it comes due") @NotNull String due,
        @Schema(nullable = true, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", examples = "09:30", description = "The time it comes due on that day; without it, the day begins it") String time,
        @Schema(nullable = true, examples = "Europe/Paris", description = "IANA time zone of time (default: yours)") String timeZone,
        @Schema(nullable = true, description = "The contact it is about") UUID contactId,
        @Schema(nullable = true, examples = "P3M", description = "Repeat: an ISO-8601 period (P1D to P10Y); done or dismissed, it rolls to its next day") String every) {

    /** The details as a client would send them: what a merge patch applies to. */
    static ReminderInput of(ReminderDetails details) {
        return new ReminderInput(details.text(), details.due().toString(),
                details.time() == null ? null : details.time().toString().substring(0, 5),
                details.timeZone() == null ? null : details.timeZone().getId(), details.contactId(),
                details.every() == null ? null : details.every().iso());
    }
}
