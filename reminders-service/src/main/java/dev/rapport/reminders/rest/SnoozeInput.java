package dev.rapport.reminders.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SnoozeInput")
public record SnoozeInput(
        @Schema(required = true, format = "date", examples = "2026-12-20", description = "Not due before this day (today or later, in your time zone)") @NotNull String until) {
}
