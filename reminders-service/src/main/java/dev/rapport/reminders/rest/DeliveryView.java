package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.WebhookDelivery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "WebhookDelivery", description = "One event sent (or to send) to a webhook")
public record DeliveryView(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The event's id, sent as webhook-id: the same on every attempt") String eventId,
        @Schema(required = true) String eventType,
        @Schema(required = true, enumeration = {"pending", "succeeded", "failed"},
                description = "failed: given up after rapport.webhooks.retry-for; replay it to send it again") String status,
        @Schema(required = true, description = "Attempts made since it was queued or last replayed") int attempts,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant lastAttemptAt,
        @Schema(required = true, nullable = true, description = "The HTTP status the receiver last answered") Integer lastStatus,
        @Schema(required = true, nullable = true, description = "Why the last attempt failed") String lastError,
        @Schema(required = true, nullable = true, description = "When pending: the next attempt") Instant nextAttemptAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.createdAt(),
                d.lastAttemptAt(), d.lastStatus(), d.lastError(), d.nextAttemptAt());
    }

    @Schema(name = "WebhookDeliveryPage")
    public record Page(@Schema(required = true) List<DeliveryView> items,
                       @Schema(required = true, nullable = true, description = "Send as cursor= for the next page; null on the last") String nextCursor) {
    }
}
