package dev.rapport.interactions.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What the author says about an interaction, read and checked. {@code participants} are the contact ids as given,
 * in order, without repeats.
 */
public record InteractionDetails(InteractionKind kind, Instant occurredAt, ZoneId timeZone, Integer durationMinutes,
                                 String channel, String location, Initiator initiatedBy, List<UUID> participants,
                                 String summary, String notes, String feedback, Sentiment sentiment, FollowUp followUp,
                                 List<String> tags, Visibility visibility) {

    /** Participants of one interaction at most: a meeting with more is a list, better kept as a tag. */
    public static final int MAX_PARTICIPANTS = 100;

    public InteractionDetails {
        participants = List.copyOf(participants);
        tags = List.copyOf(tags);
    }
}
