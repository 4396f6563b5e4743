package dev.rapport.reminders.rest;

import dev.rapport.reminders.service.Webhooks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookWithSecret", description = "A webhook and its signing secret, shown this once")
public record WebhookSecretView(
        @Schema(required = true) WebhookView webhook,
        @Schema(required = true, examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                description = "Verify each delivery's webhook-signature with it (Standard Webhooks: any of its libraries)") String secret) {

    static WebhookSecretView of(Webhooks.Registered registered) {
        return new WebhookSecretView(WebhookView.of(registered.webhook()), registered.secret());
    }
}
