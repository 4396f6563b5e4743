package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "WebhookInput")
public record WebhookInput(
        @Schema(required = true, maxLength = 2000, examples = "https://hooks.example.com/rapport",
                description = "http(s); must resolve to a public address; redirects are not followed") String url,
        @Schema(nullable = true, maxLength = 200, description = "To tell your webhooks apart") String description,
        @Schema(required = true, type = SchemaType.ARRAY, minItems = 1, description = "The event types to receive", implementation = EventType.class)
        List<String> eventTypes) {

    /** Every type a webhook may ask for: the contact, interaction and reminder events (Webhooks.EVENT_TYPES). */
    @Schema(name = "WebhookEventType", type = SchemaType.STRING, enumeration = {
                "dev.rapport.contact.created.v1",
                "dev.rapport.contact.updated.v1",
                "dev.rapport.contact.deleted.v1",
                "dev.rapport.contact.job-changed.v1",
                "dev.rapport.contact.moved.v1",
                "dev.rapport.contact.relationship-changed.v1",
                "dev.rapport.contact.merged.v1",
                "dev.rapport.contact.merge-undone.v1",
                "dev.rapport.contact.restored.v1",
                "dev.rapport.interaction.logged.v1",
                "dev.rapport.interaction.updated.v1",
                "dev.rapport.interaction.deleted.v1",
                "dev.rapport.reminder.created.v1",
                "dev.rapport.reminder.updated.v1",
                "dev.rapport.reminder.completed.v1",
                "dev.rapport.reminder.dismissed.v1",
                "dev.rapport.reminder.due.v1",
                "dev.rapport.reminder.deleted.v1"})
    interface EventType {
    }
}
