package dev.rapport.reminders.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompleteInput", description = "Optional: ask for the interaction that completed it to be logged")
public record CompleteInput(@Schema(nullable = true) @Valid LogInteractionInput logInteraction) {

    @Schema(name = "LogInteractionInput", description = "Logged in the interaction log, with the reminder's contact, by you (interactions-service logs it from reminder.completed.v1, under the id the response's logInteractionId names)")
    public record LogInteractionInput(
            @Schema(required = true, enumeration = {"meeting", "call", "video_call", "email", "message", "social", "event", "note"}) @NotNull String kind,
            @Schema(nullable = true, format = "date-time", description = "When (default: now)") String occurredAt,
            @Schema(nullable = true, examples = "Europe/Paris", description = "The zone it happened in (default: yours)") String timeZone,
            @Schema(nullable = true, maxLength = 500) @Size(max = 500) String summary,
            @Schema(nullable = true, enumeration = {"me", "them", "mutual"}, description = "Who reached out (default me)") String initiatedBy) {
    }
}
