package dev.rapport.reminders.rest;

import dev.rapport.reminders.domain.CalendarFeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "CalendarFeed", description = "One of your calendar feeds; its URL was shown once, when it was made")
public record CalendarFeedView(@Schema(required = true) UUID id,
                               @Schema(required = true, nullable = true) String name,
                               @Schema(required = true) Instant createdAt) {

    static CalendarFeedView of(CalendarFeed feed) {
        return new CalendarFeedView(feed.id(), feed.name().orElse(null), feed.createdAt());
    }
}
