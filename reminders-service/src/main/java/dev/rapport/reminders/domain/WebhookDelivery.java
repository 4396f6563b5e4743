package dev.rapport.reminders.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one webhook, and how sending it went.
 *
 * @param status        {@code pending} (waiting for its next attempt), {@code succeeded}, {@code failed} (given up)
 * @param nextAttemptAt when pending, when it is tried next; else null
 */
public record WebhookDelivery(UUID id, UUID webhookId, String eventId, String eventType, String status, int attempts,
                              Instant createdAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
                              Instant nextAttemptAt) {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
