package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.Webhook;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Webhook", description = "A URL that receives your workspace's events; its secret was shown when it was made or rotated")
public record WebhookView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String url,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = WebhookInput.EventType.class) List<String> eventTypes,
        @Schema(required = true, enumeration = {"active", "disabled"},
                description = "disabled: every delivery failed for rapport.webhooks.disable-after; nothing is sent until it is enabled") String status,
        @Schema(required = true, nullable = true, description = "Why it was disabled") String disabledReason,
        @Schema(required = true, nullable = true, description = "Since when every attempt failed; null after a success") Instant failingSince,
        @Schema(required = true, nullable = true, description = "Until when deliveries are also signed with the secret before the last rotation") Instant previousSecretValidUntil,
        @Schema(required = true, description = "The user who made it: it receives what they may see") String createdBy,
        @Schema(required = true) Instant createdAt) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.description().orElse(null), webhook.eventTypes(),
                webhook.status(), webhook.disabledReason().orElse(null), webhook.failingSince().orElse(null),
                webhook.previousSecretUntil().orElse(null), webhook.createdBy(), webhook.createdAt());
    }
}
