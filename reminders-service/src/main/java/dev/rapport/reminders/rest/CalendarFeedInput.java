package dev.rapport.reminders.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeedInput")
public record CalendarFeedInput(@Schema(nullable = true, examples = "Phone", description = "To tell your feeds apart") @Size(max = 100) String name) {
}
