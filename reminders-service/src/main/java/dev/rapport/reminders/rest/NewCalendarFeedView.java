package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "NewCalendarFeed", description = "A new feed with its secret URL: subscribe to it in any calendar app. It is shown this once (only a hash is kept); anyone with it sees your reminders and birthdays, so revoke it when in doubt.")
public record NewCalendarFeedView(@Schema(required = true) UUID id,
                                  @Schema(required = true, examples = "https://rapport.example.com/ical/3q2-7wE...Rk.ics") String url,
                                  @Schema(required = true, nullable = true) String name,
                                  @Schema(required = true) Instant createdAt) {
}
