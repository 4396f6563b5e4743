package dev.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "LastTouchPage", description = """
        The workspace's contacts you may see, least recently in touch first (those never in touch first of all); \
        pass nextCursor back as cursor for the next page""")
public record LastTouchPageView(@Schema(required = true) List<LastTouchView> items, @Schema(nullable = true) String nextCursor) {

    @Schema(name = "LastTouch")
    public record LastTouchView(
            @Schema(required = true) UUID contactId,
            @Schema(required = true, examples = "Ada Lovelace") String displayName,
            @Schema(nullable = true, description = "The last interaction up to now; null when none") Instant lastInteractionAt,
            @Schema(nullable = true) String lastInteractionKind,
            @Schema(nullable = true) UUID lastInteractionId,
            @Schema(nullable = true, description = "Whole days since the last interaction") Long daysSince) {

        static LastTouchView of(dev.rapport.interactions.domain.LastTouch t, Instant now) {
            return new LastTouchView(t.contactId(), t.displayName(), t.lastAt(), t.lastKind(), t.lastInteractionId(),
                    t.lastAt() == null ? null : java.time.Duration.between(t.lastAt(), now).toDays());
        }
    }
}
