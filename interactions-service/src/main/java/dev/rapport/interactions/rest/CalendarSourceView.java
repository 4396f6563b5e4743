package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.CalendarSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "CalendarSource", description = "An ICS subscription polled into your interaction log. The URL is shown as scheme and host only.")
public record CalendarSourceView(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "Work calendar") String name,
        @Schema(required = true, description = "Scheme and host of the URL; the rest is secret", examples = "https://calendar.google.com/…") String url,
        @Schema(required = true, enumeration = {"private", "workspace"}) String visibility,
        @Schema(nullable = true, enumeration = {"ok", "not-modified", "bad-url", "refused-address", "unreachable", "timeout",
                "too-large", "too-many-redirects", "http-status", "invalid-calendar", "error"}, description = "How the last poll ended") String lastStatus,
        @Schema(nullable = true, description = "Why the last poll failed") String lastError,
        @Schema(nullable = true) Instant lastPolledAt,
        @Schema(required = true) Instant nextPollAt,
        @Schema(required = true, description = "What the last poll that read the feed did") CalendarImportView.CountsView lastCounts,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) long version) {

    static CalendarSourceView of(CalendarSource s) {
        return new CalendarSourceView(s.id(), s.name(), s.urlHint(), s.visibility().wire(), s.lastStatus(), s.lastError(),
                s.lastPolledAt(), s.nextPollAt(), CalendarImportView.CountsView.of(s.lastCounts()), s.createdAt(), s.version());
    }
}
