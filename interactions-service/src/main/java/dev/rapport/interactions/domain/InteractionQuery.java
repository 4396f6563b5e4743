package dev.rapport.interactions.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of the log as {@code user} may see it, newest first, after the cursor's interaction; null filters are not
 * applied. {@code terms} are folded words that must all appear in the summary, notes or feedback.
 */
public record InteractionQuery(String user, UUID contactId, String kind, Instant from, Instant to, String tag,
                               String initiatedBy, List<String> terms, Boolean hasFollowUp, Instant afterAt,
                               UUID afterId, int limit) {

    public InteractionQuery {
        terms = List.copyOf(terms);
    }

    public InteractionQuery withLimit(int limit) {
        return new InteractionQuery(user, contactId, kind, from, to, tag, initiatedBy, terms, hasFollowUp, afterAt,
                afterId, limit);
    }

    /** One contact's interactions (its timeline), newest first. */
    public static InteractionQuery timeline(String user, UUID contactId, Instant afterAt, UUID afterId, int limit) {
        return new InteractionQuery(user, contactId, null, null, null, null, null, List.of(), null, afterAt, afterId, limit);
    }
}
