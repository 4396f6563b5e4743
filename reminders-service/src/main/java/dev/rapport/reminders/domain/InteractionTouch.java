package dev.rapport.reminders.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An interaction as an interaction event tells it: with whom, on which day (where it happened), what was promised, and
 * whether only its author may see it. A deleted one is with nobody.
 */
public record InteractionTouch(UUID interactionId, long version, boolean deleted, List<UUID> contactIds, LocalDate day,
                               Instant at, Promise promise, String author, boolean authorOnly) {

    /** A follow-up: by when, and what (the interaction's summary stands in when the promise has no text). */
    public record Promise(LocalDate due, String text, String summary) {
    }

    public static InteractionTouch deleted(UUID interactionId, long version) {
        return new InteractionTouch(interactionId, version, true, List.of(), null, null, null, null, false);
    }
}
