package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Completion")
public record CompletionView(
        @Schema(required = true, description = "The reminder after it") ReminderView reminder,
        @Schema(required = true, nullable = true, description = "The id the interaction asked for will have in interactions-service (GET /v1/interactions/{id} once it is logged, a moment later); null when none was asked for") UUID loggedInteractionId) {
}
