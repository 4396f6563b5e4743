package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.ContactFigures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ContactInteractionStats", description = """
        A contact's interactions that have happened (up to now), as you may see them. mutual counts as both you and \
        them reaching out.""")
public record ContactStatsView(
        @Schema(required = true) UUID contactId,
        @Schema(nullable = true) Moment first,
        @Schema(nullable = true) Moment last,
        @Schema(required = true) long total,
        @Schema(required = true, description = "In the last 30 days") long last30Days,
        @Schema(required = true, description = "In the last 90 days") long last90Days,
        @Schema(required = true, description = "In the last 365 days") long last365Days,
        @Schema(nullable = true, description = "The last time you reached out (initiatedBy me or mutual)") Instant lastInitiatedByMe,
        @Schema(nullable = true, description = "The last time they reached out (initiatedBy them or mutual)") Instant lastInitiatedByThem) {

    @Schema(name = "InteractionMoment")
    public record Moment(@Schema(required = true) Instant at,
                         @Schema(required = true, enumeration = {"meeting", "call", "video_call", "email", "message", "social", "event", "note"}) String kind) {
    }

    static ContactStatsView of(UUID contactId, ContactFigures f) {
        return new ContactStatsView(contactId, f.first() == null ? null : new Moment(f.first(), f.firstKind()),
                f.last() == null ? null : new Moment(f.last(), f.lastKind()), f.total(), f.last30(), f.last90(),
                f.last365(), f.lastByMe(), f.lastByThem());
    }
}
